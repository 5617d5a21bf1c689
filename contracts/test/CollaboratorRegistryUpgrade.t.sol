// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IERC1967} from "@openzeppelin/contracts/interfaces/IERC1967.sol";
import {CollaboratorRegistry} from "../src/CollaboratorRegistry.sol";
import {CollaboratorRegistryTestBase} from "./utils/CollaboratorRegistryTestBase.sol";
import {CollaboratorRegistryV2Mock} from "./mocks/CollaboratorRegistryV2Mock.sol";
import {UUPSUpgradeChecks} from "./utils/UUPSUpgradeChecks.sol";

contract CollaboratorRegistryUpgradeTest is CollaboratorRegistryTestBase, UUPSUpgradeChecks {
    CollaboratorRegistryV2Mock internal v2Implementation;
    bytes32 internal UPGRADER_ROLE;
    bytes32 internal GOVERNOR_ROLE;
    bytes32 internal SLASHER_ROLE;

    function _newV1Implementation() internal override returns (address) {
        return address(new CollaboratorRegistry());
    }

    function setUp() public {
        _deployDefault();
        v2Implementation = new CollaboratorRegistryV2Mock();
        UPGRADER_ROLE = registry.UPGRADER_ROLE();
        GOVERNOR_ROLE = registry.GOVERNOR_ROLE();
        SLASHER_ROLE = registry.SLASHER_ROLE();
        address[] memory nonUpgraders = new address[](3);
        nonUpgraders[0] = stranger;
        nonUpgraders[1] = court;
        nonUpgraders[2] = alice;
        _useUpgradeChecks(
            address(registry),
            address(implementation),
            address(v2Implementation),
            admin,
            carol,
            nonUpgraders,
            abi.encodeCall(CollaboratorRegistry.initialize, (stranger, 0, 0))
        );
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
}
