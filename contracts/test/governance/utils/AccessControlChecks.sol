// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts/proxy/utils/UUPSUpgradeable.sol";
import {ERC1967Utils} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Utils.sol";
import {TimelockOnlyBase} from "./TimelockOnlyBase.sol";

/// Role administration of a module administered by the timelock (DEFAULT_ADMIN_ROLE is the admin
/// of every role): grantRole / revokeRole only by the timelock; renouncing for another account by
/// nobody, the timelock included.
abstract contract AccessControlChecks is TimelockOnlyBase {
    /// The module under test.
    function _module() internal view virtual returns (address);

    function testFuzz_grantRole_revertsUnlessTimelock(address caller, bytes32 role, address account) public {
        vm.assume(caller != timelock);
        _expectMissingRole(caller, IAccessControl(_module()).getRoleAdmin(role));
        IAccessControl(_module()).grantRole(role, account);
    }

    function test_grantRole_byTimelock() public {
        address account = makeAddr("grantee");
        vm.prank(timelock);
        IAccessControl(_module()).grantRole(GOVERNOR_ROLE, account);
        assertTrue(IAccessControl(_module()).hasRole(GOVERNOR_ROLE, account));
    }

    function testFuzz_revokeRole_revertsUnlessTimelock(address caller, bytes32 role, address account) public {
        vm.assume(caller != timelock);
        _expectMissingRole(caller, IAccessControl(_module()).getRoleAdmin(role));
        IAccessControl(_module()).revokeRole(role, account);
    }

    function test_revokeRole_byTimelock() public {
        address account = makeAddr("grantee");
        vm.startPrank(timelock);
        IAccessControl(_module()).grantRole(GOVERNOR_ROLE, account);
        IAccessControl(_module()).revokeRole(GOVERNOR_ROLE, account);
        vm.stopPrank();
        assertFalse(IAccessControl(_module()).hasRole(GOVERNOR_ROLE, account));
    }

    /// Renouncing is only ever for oneself: no sender, the timelock included, renounces for another.
    function testFuzz_renounceRole_revertsForOthers(address caller, bytes32 role, address account) public {
        vm.assume(caller != account);
        _expectRefused(caller, abi.encodeWithSelector(IAccessControl.AccessControlBadConfirmation.selector));
        IAccessControl(_module()).renounceRole(role, account);
    }

    function test_renounceRole_timelockRenouncesOnlyItsOwn() public {
        vm.startPrank(timelock);
        vm.expectRevert(IAccessControl.AccessControlBadConfirmation.selector);
        IAccessControl(_module()).renounceRole(ADMIN_ROLE, founder);
        IAccessControl(_module()).renounceRole(GOVERNOR_ROLE, timelock);
        vm.stopPrank();
        assertFalse(IAccessControl(_module()).hasRole(GOVERNOR_ROLE, timelock));
    }
}

/// AccessControlChecks plus the UUPS entry points: upgradeToAndCall only by the timelock
/// (UPGRADER_ROLE), initialize by nobody once the proxy is initialized.
abstract contract UUPSModuleChecks is AccessControlChecks {
    /// A fresh implementation of the module's own contract, to upgrade to.
    function _freshImplementation() internal virtual returns (address);

    /// Calls the module's `initialize` again, with any arguments.
    function _initializeAgain() internal virtual;

    function testFuzz_upgradeToAndCall_revertsUnlessTimelock(address caller) public {
        vm.assume(caller != timelock);
        address implementation = _freshImplementation();
        _expectMissingRole(caller, UPGRADER_ROLE);
        UUPSUpgradeable(_module()).upgradeToAndCall(implementation, "");
    }

    function test_upgradeToAndCall_byTimelock() public {
        address implementation = _freshImplementation();
        vm.prank(timelock);
        UUPSUpgradeable(_module()).upgradeToAndCall(implementation, "");
        bytes32 stored = vm.load(_module(), ERC1967Utils.IMPLEMENTATION_SLOT);
        assertEq(address(uint160(uint256(stored))), implementation);
    }

    /// Not privileged but closed: the proxy was initialized by the deployment.
    function testFuzz_initialize_revertsForEveryone(address caller) public {
        _expectRefused(caller, abi.encodeWithSelector(Initializable.InvalidInitialization.selector));
        _initializeAgain();
    }
}
