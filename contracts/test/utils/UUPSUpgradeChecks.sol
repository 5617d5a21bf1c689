// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Test} from "forge-std/Test.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {ERC1967Utils} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Utils.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts/proxy/utils/UUPSUpgradeable.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {NotUUPSImplementation, WrongUUIDImplementation} from "../mocks/UpgradeTargets.sol";

/// The roles every OSO module gates upgrades and parameters with, and the V2 mocks' marker.
interface IUpgradeableModule {
    function UPGRADER_ROLE() external view returns (bytes32);
    function GOVERNOR_ROLE() external view returns (bytes32);
}

/// What every V2 mock adds: a marker and a reinitializer.
interface IV2Mock {
    event UpgradedToV2();

    function version() external view returns (string memory);
    function initializeV2() external;
}

/// @notice The upgrade rules every OSO module (UUPS behind an ERC-1967 proxy, AccessControl) must
/// obey: only UPGRADER_ROLE upgrades, granting and revoking it works, a V2 keeps gating, bad
/// targets are refused, the implementation cannot be used directly. A module's upgrade suite
/// inherits these tests and answers the hooks; it adds its own state-preservation tests.
abstract contract UUPSUpgradeChecks is Test {
    /// @dev The proxy under test, its V1 implementation, a V2 whose `version()` answers "2", the
    /// account holding every role after deployment, and an account holding none.
    address private _proxy;
    address private _implementation;
    address private _v2;
    address private _admin;
    address private _grantee;
    /// @dev A call of the V1 `initialize`, refused once initialized.
    bytes private _initializeCall;
    /// @dev Accounts without UPGRADER_ROLE: strangers, other modules, holders of other roles.
    address[] private _nonUpgraders;

    /// @dev Deploys another V1 implementation.
    function _newV1Implementation() internal virtual returns (address);

    /// @dev Called by the suite's setUp once the module is deployed.
    function _useUpgradeChecks(
        address proxy,
        address implementation,
        address v2,
        address admin_,
        address grantee,
        address[] memory nonUpgraders,
        bytes memory initializeCall
    ) internal {
        (_proxy, _implementation, _v2, _admin, _grantee, _nonUpgraders, _initializeCall) =
        (proxy, implementation, v2, admin_, grantee, nonUpgraders, initializeCall);
    }

    function _assertInitializeRefused(address target) internal {
        bytes memory refused = abi.encodeWithSelector(Initializable.InvalidInitialization.selector);
        (bool ok, bytes memory reason) = target.call(_initializeCall);
        assertFalse(ok, "initialize refused");
        assertEq(reason, refused);
        (ok, reason) = target.call(abi.encodeCall(IV2Mock.initializeV2, ()));
        assertFalse(ok, "initializeV2 refused");
        assertEq(reason, refused);
    }

    function _implementationOf(address proxy) internal view returns (address) {
        return address(uint160(uint256(vm.load(proxy, ERC1967Utils.IMPLEMENTATION_SLOT))));
    }

    function _expectUnauthorized(address caller, bytes32 role) internal {
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, caller, role));
    }

    function test_upgrade_revertsForNonUpgrader() public {
        UUPSUpgradeable proxy = UUPSUpgradeable(_proxy);
        bytes32 upgrader = IUpgradeableModule(address(proxy)).UPGRADER_ROLE();
        address[] memory callers = _nonUpgraders;
        for (uint256 i; i < callers.length; ++i) {
            vm.prank(callers[i]);
            _expectUnauthorized(callers[i], upgrader);
            proxy.upgradeToAndCall(_v2, "");
        }

        // A governor is not an upgrader.
        address governor = _grantee;
        bytes32 governorRole = IUpgradeableModule(address(proxy)).GOVERNOR_ROLE();
        vm.prank(_admin);
        IAccessControl(address(proxy)).grantRole(governorRole, governor);
        vm.prank(governor);
        _expectUnauthorized(governor, upgrader);
        proxy.upgradeToAndCall(_v2, "");

        assertEq(_implementationOf(address(proxy)), _implementation);
    }

    function test_upgrade_allowedForGrantedUpgraderAndDeniedAfterRevoke() public {
        address proxy = _proxy;
        address admin_ = _admin;
        address upgraderAccount = _grantee;
        bytes32 upgrader = IUpgradeableModule(proxy).UPGRADER_ROLE();
        vm.startPrank(admin_);
        IAccessControl(proxy).grantRole(upgrader, upgraderAccount);
        IAccessControl(proxy).revokeRole(upgrader, admin_);
        vm.stopPrank();

        vm.prank(admin_);
        _expectUnauthorized(admin_, upgrader);
        UUPSUpgradeable(proxy).upgradeToAndCall(_v2, "");

        vm.prank(upgraderAccount);
        UUPSUpgradeable(proxy).upgradeToAndCall(_v2, "");
        assertEq(IV2Mock(proxy).version(), "2");
    }

    function test_upgrade_v2StillGatesFurtherUpgradesAndCanRollBack() public {
        address proxy = _proxy;
        vm.prank(_admin);
        UUPSUpgradeable(proxy).upgradeToAndCall(_v2, "");
        address v3 = _newV1Implementation();
        address stranger_ = _grantee;
        bytes32 upgrader = IUpgradeableModule(proxy).UPGRADER_ROLE();
        vm.prank(stranger_);
        _expectUnauthorized(stranger_, upgrader);
        UUPSUpgradeable(proxy).upgradeToAndCall(v3, "");

        vm.prank(_admin);
        UUPSUpgradeable(proxy).upgradeToAndCall(v3, "");
        assertEq(_implementationOf(proxy), v3);
    }

    function test_upgrade_revertsToNonUUPSImplementation() public {
        address proxy = _proxy;
        NotUUPSImplementation notUups = new NotUUPSImplementation();
        vm.prank(_admin);
        vm.expectRevert(abi.encodeWithSelector(ERC1967Utils.ERC1967InvalidImplementation.selector, address(notUups)));
        UUPSUpgradeable(proxy).upgradeToAndCall(address(notUups), "");
        assertEq(_implementationOf(proxy), _implementation);
    }

    function test_upgrade_revertsToImplementationWithWrongProxiableUUID() public {
        address proxy = _proxy;
        WrongUUIDImplementation wrong = new WrongUUIDImplementation();
        bytes32 wrongSlot = wrong.WRONG_SLOT();
        vm.prank(_admin);
        vm.expectRevert(abi.encodeWithSelector(UUPSUpgradeable.UUPSUnsupportedProxiableUUID.selector, wrongSlot));
        UUPSUpgradeable(proxy).upgradeToAndCall(address(wrong), "");
        assertEq(_implementationOf(proxy), _implementation);
    }

    function test_upgrade_revertsWhenCalledOnImplementationDirectly() public {
        address v2 = _v2;
        vm.prank(_admin);
        vm.expectRevert(abi.encodeWithSelector(UUPSUpgradeable.UUPSUnauthorizedCallContext.selector));
        UUPSUpgradeable(_implementation).upgradeToAndCall(v2, "");
    }

    function test_proxiableUUID_answeredByImplementationButNotThroughProxy() public {
        assertEq(UUPSUpgradeable(_implementation).proxiableUUID(), ERC1967Utils.IMPLEMENTATION_SLOT);
        vm.expectRevert(abi.encodeWithSelector(UUPSUpgradeable.UUPSUnauthorizedCallContext.selector));
        UUPSUpgradeable(_proxy).proxiableUUID();
    }

    function test_upgrade_withCallRunsReinitializerOnce() public {
        vm.expectEmit(_proxy);
        emit IV2Mock.UpgradedToV2();
        vm.prank(_admin);
        UUPSUpgradeable(_proxy).upgradeToAndCall(_v2, abi.encodeCall(IV2Mock.initializeV2, ()));
        _assertInitializeRefused(_proxy);
    }

    function test_v2Implementation_cannotBeInitialized() public {
        _assertInitializeRefused(_v2);
    }
}
