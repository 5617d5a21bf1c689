// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC1967} from "@openzeppelin/contracts/interfaces/IERC1967.sol";
import {ERC1967Utils} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Utils.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts/proxy/utils/UUPSUpgradeable.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {CollaboratorRegistry} from "../src/CollaboratorRegistry.sol";
import {CollaboratorRegistryTestBase} from "./utils/CollaboratorRegistryTestBase.sol";
import {CollaboratorRegistryV2Mock} from "./mocks/CollaboratorRegistryV2Mock.sol";
import {NotUUPSImplementation, WrongUUIDImplementation} from "./mocks/UpgradeTargets.sol";

contract CollaboratorRegistryUpgradeTest is CollaboratorRegistryTestBase {
    CollaboratorRegistryV2Mock internal v2Implementation;
    bytes32 internal UPGRADER_ROLE;
    bytes32 internal GOVERNOR_ROLE;
    bytes32 internal SLASHER_ROLE;

    function setUp() public {
        _deployDefault();
        v2Implementation = new CollaboratorRegistryV2Mock();
        UPGRADER_ROLE = registry.UPGRADER_ROLE();
        GOVERNOR_ROLE = registry.GOVERNOR_ROLE();
        SLASHER_ROLE = registry.SLASHER_ROLE();
    }

    function _implementationOf(address proxy) internal view returns (address) {
        return address(uint160(uint256(vm.load(proxy, ERC1967Utils.IMPLEMENTATION_SLOT))));
    }

    /// A registry with members in every status, credits, changed parameters and extra roles.
    function _populate() internal {
        _join(alice, 1 | 2, 1 ether, "alice"); // stays Active, slashed a little
        _join(bob, 4, 2 ether, "bob"); // Suspended
        _join(carol, 8, 3 ether, "carol"); // Unbonding
        _join(dave, 15, 4 ether, "dave"); // Exited
        _slash(alice, 0.1 ether, treasury);
        _suspend(bob);
        _leave(carol);
        _exit(dave);
        _slash(carol, 0.5 ether, alice);
        vm.startPrank(admin);
        registry.setMinBond(0.05 ether);
        registry.setUnbondingPeriod(14 days);
        registry.grantRole(GOVERNOR_ROLE, stranger);
        vm.stopPrank();
    }

    function _snapshot() internal view returns (bytes memory) {
        address[] memory who = new address[](5);
        who[0] = alice;
        who[1] = bob;
        who[2] = carol;
        who[3] = dave;
        who[4] = stranger;
        return abi.encode(
            registry.page(0, 500),
            registry.getMany(who),
            registry.stats(),
            registry.count(),
            registry.minBond(),
            registry.unbondingPeriod(),
            registry.totalCredits(),
            registry.creditOf(treasury),
            registry.creditOf(alice),
            address(registry).balance
        );
    }

    function _upgradeToV2() internal returns (CollaboratorRegistryV2Mock v2) {
        vm.prank(admin);
        registry.upgradeToAndCall(address(v2Implementation), "");
        v2 = CollaboratorRegistryV2Mock(address(registry));
    }

    function test_upgrade_toV2KeepsAllState() public {
        _populate();
        bytes memory before = _snapshot();

        vm.expectEmit(address(registry));
        emit IERC1967.Upgraded(address(v2Implementation));
        CollaboratorRegistryV2Mock v2 = _upgradeToV2();

        assertEq(v2.version(), "2");
        assertEq(_implementationOf(address(registry)), address(v2Implementation));
        assertEq(keccak256(_snapshot()), keccak256(before), "records, stats, parameters and balances unchanged");

        // Join order preserved.
        CollaboratorRegistry.Collaborator[] memory p = v2.page(0, 10);
        assertEq(p.length, 4);
        assertEq(p[0].account, alice);
        assertEq(p[1].account, bob);
        assertEq(p[2].account, carol);
        assertEq(p[3].account, dave);
        assertEq(uint8(p[1].status), uint8(CollaboratorRegistry.Status.Suspended));
        assertEq(uint8(p[2].status), uint8(CollaboratorRegistry.Status.Unbonding));
        assertEq(uint8(p[3].status), uint8(CollaboratorRegistry.Status.Exited));

        // Roles preserved.
        assertTrue(v2.hasRole(0x00, admin));
        assertTrue(v2.hasRole(GOVERNOR_ROLE, admin));
        assertTrue(v2.hasRole(UPGRADER_ROLE, admin));
        assertTrue(v2.hasRole(SLASHER_ROLE, court));
        assertTrue(v2.hasRole(GOVERNOR_ROLE, stranger));
        assertFalse(v2.hasRole(UPGRADER_ROLE, stranger));
    }

    function test_upgrade_toV2KeepsWorkingForEveryRole() public {
        _populate();
        CollaboratorRegistryV2Mock v2 = _upgradeToV2();

        // Unbonding member withdraws what is left of its bond (3 - 0.5).
        vm.warp(v2.get(carol).unbondingEndsAt);
        _withdraw(carol);
        assertEq(carol.balance, 2.5 ether);

        // Credits can be claimed.
        vm.prank(treasury);
        v2.claim();
        assertEq(treasury.balance, 0.1 ether);

        // Governance and court still work.
        vm.prank(admin);
        v2.reinstate(bob);
        _slash(bob, 1 ether, treasury);

        // Exited member rejoins in place; new member appends.
        _join(dave, 2, 1 ether, "dave again");
        _join(makeAddr("erin"), 1, 1 ether, "erin");
        assertEq(v2.count(), 5);
        assertEq(v2.page(3, 1)[0].account, dave);

        CollaboratorRegistry.Stats memory s = v2.stats();
        assertEq(s.members, 4);
        assertEq(s.active, 4);
        assertEq(s.totalBonded, 0.9 ether + 1 ether + 1 ether + 1 ether);
        assertEq(s.totalUnbonding, 0);
    }

    function test_upgrade_withCallRunsReinitializerOnce() public {
        vm.expectEmit(address(registry));
        emit CollaboratorRegistryV2Mock.UpgradedToV2();
        vm.prank(admin);
        registry.upgradeToAndCall(
            address(v2Implementation), abi.encodeCall(CollaboratorRegistryV2Mock.initializeV2, ())
        );

        CollaboratorRegistryV2Mock v2 = CollaboratorRegistryV2Mock(address(registry));
        vm.expectRevert(abi.encodeWithSelector(Initializable.InvalidInitialization.selector));
        v2.initializeV2();
        vm.expectRevert(abi.encodeWithSelector(Initializable.InvalidInitialization.selector));
        v2.initialize(stranger, 0, 0);
    }

    function test_upgrade_revertsForNonUpgrader() public {
        vm.prank(stranger);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, UPGRADER_ROLE)
        );
        registry.upgradeToAndCall(address(v2Implementation), "");

        // Holding other roles is not enough.
        vm.prank(court);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, court, UPGRADER_ROLE)
        );
        registry.upgradeToAndCall(address(v2Implementation), "");

        vm.prank(admin);
        registry.grantRole(GOVERNOR_ROLE, carol);
        vm.prank(carol);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, carol, UPGRADER_ROLE)
        );
        registry.upgradeToAndCall(address(v2Implementation), "");

        assertEq(_implementationOf(address(registry)), address(implementation));
    }

    function test_upgrade_allowedForGrantedUpgraderAndDeniedAfterRevoke() public {
        vm.startPrank(admin);
        registry.grantRole(UPGRADER_ROLE, carol);
        registry.revokeRole(UPGRADER_ROLE, admin);
        vm.stopPrank();

        vm.prank(admin);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, admin, UPGRADER_ROLE)
        );
        registry.upgradeToAndCall(address(v2Implementation), "");

        vm.prank(carol);
        registry.upgradeToAndCall(address(v2Implementation), "");
        assertEq(CollaboratorRegistryV2Mock(address(registry)).version(), "2");
    }

    function test_upgrade_v2StillGatesFurtherUpgrades() public {
        _upgradeToV2();
        CollaboratorRegistry v3 = new CollaboratorRegistry();
        vm.prank(stranger);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, UPGRADER_ROLE)
        );
        registry.upgradeToAndCall(address(v3), "");

        // and can roll back to a V1 implementation
        vm.prank(admin);
        registry.upgradeToAndCall(address(v3), "");
        assertEq(_implementationOf(address(registry)), address(v3));
    }

    function test_upgrade_revertsToNonUUPSImplementation() public {
        NotUUPSImplementation notUups = new NotUUPSImplementation();
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(ERC1967Utils.ERC1967InvalidImplementation.selector, address(notUups)));
        registry.upgradeToAndCall(address(notUups), "");
        assertEq(_implementationOf(address(registry)), address(implementation));
    }

    function test_upgrade_revertsToImplementationWithWrongProxiableUUID() public {
        WrongUUIDImplementation wrong = new WrongUUIDImplementation();
        bytes32 wrongSlot = wrong.WRONG_SLOT();
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(UUPSUpgradeable.UUPSUnsupportedProxiableUUID.selector, wrongSlot));
        registry.upgradeToAndCall(address(wrong), "");
        assertEq(_implementationOf(address(registry)), address(implementation));
    }

    function test_upgrade_revertsWhenCalledOnImplementationDirectly() public {
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(UUPSUpgradeable.UUPSUnauthorizedCallContext.selector));
        implementation.upgradeToAndCall(address(v2Implementation), "");
    }

    function test_proxiableUUID_answeredByImplementationButNotThroughProxy() public {
        assertEq(implementation.proxiableUUID(), ERC1967Utils.IMPLEMENTATION_SLOT);
        vm.expectRevert(abi.encodeWithSelector(UUPSUpgradeable.UUPSUnauthorizedCallContext.selector));
        registry.proxiableUUID();
    }

    function test_v2Implementation_cannotBeInitialized() public {
        vm.expectRevert(abi.encodeWithSelector(Initializable.InvalidInitialization.selector));
        v2Implementation.initialize(stranger, 0, 0);
        vm.expectRevert(abi.encodeWithSelector(Initializable.InvalidInitialization.selector));
        v2Implementation.initializeV2();
    }
}
