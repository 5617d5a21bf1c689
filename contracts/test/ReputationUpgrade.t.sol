// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IERC1967} from "@openzeppelin/contracts/interfaces/IERC1967.sol";
import {Reputation} from "../src/Reputation.sol";
import {ReputationTestBase} from "./utils/ReputationTestBase.sol";
import {ReputationV2Mock} from "./mocks/ReputationV2Mock.sol";
import {UUPSUpgradeChecks} from "./utils/UUPSUpgradeChecks.sol";

contract ReputationUpgradeTest is ReputationTestBase, UUPSUpgradeChecks {
    ReputationV2Mock internal v2Implementation;
    bytes32 internal UPGRADER_ROLE;
    bytes32 internal GOVERNOR_ROLE;
    bytes32 internal MARKET_ROLE;
    bytes32 internal COURT_ROLE;

    uint256 internal ratedId;
    uint256 internal unratedId;

    function _newV1Implementation() internal override returns (address) {
        return address(new Reputation());
    }

    function setUp() public {
        _deployDefault();
        v2Implementation = new ReputationV2Mock();
        UPGRADER_ROLE = reputation.UPGRADER_ROLE();
        GOVERNOR_ROLE = reputation.GOVERNOR_ROLE();
        MARKET_ROLE = reputation.MARKET_ROLE();
        COURT_ROLE = reputation.COURT_ROLE();
        address[] memory nonUpgraders = new address[](4);
        nonUpgraders[0] = stranger;
        nonUpgraders[1] = address(market);
        nonUpgraders[2] = court;
        nonUpgraders[3] = alice;
        _useUpgradeChecks(
            address(reputation),
            address(implementation),
            address(v2Implementation),
            admin,
            carol,
            nonUpgraders,
            abi.encodeCall(Reputation.initialize, (stranger, stranger))
        );
    }

    /// XP, streaks, ratings, dispute losses and roles.
    function _populate() internal {
        ratedId = _settled(bob, alice, 1 ether);
        _rate(bob, ratedId, 5);
        _rate(carol, _settled(carol, alice, 0.5 ether), 3);
        _settled(bob, alice, 1 ether); // streak 2 with bob
        unratedId = _settled(dave, carol, 0.2 ether);
        vm.prank(court);
        reputation.recordDisputeLoss(unratedId, carol);
        vm.prank(admin);
        reputation.grantRole(GOVERNOR_ROLE, stranger);
    }

    function _snapshot() internal view returns (bytes memory) {
        address[] memory who = new address[](5);
        who[0] = alice;
        who[1] = bob;
        who[2] = carol;
        who[3] = dave;
        who[4] = stranger;
        return abi.encode(
            reputation.profilesOf(who),
            reputation.totalXp(),
            reputation.marketplace(),
            reputation.hasRated(ratedId),
            reputation.hasRated(unratedId),
            reputation.dealStreak(alice, bob),
            reputation.disputeLossRecorded(unratedId, carol)
        );
    }

    function _upgradeToV2() internal returns (ReputationV2Mock v2) {
        vm.prank(admin);
        reputation.upgradeToAndCall(address(v2Implementation), "");
        v2 = ReputationV2Mock(address(reputation));
    }

    function test_upgrade_toV2KeepsAllState() public {
        _populate();
        bytes memory before = _snapshot();

        vm.expectEmit(address(reputation));
        emit IERC1967.Upgraded(address(v2Implementation));
        ReputationV2Mock v2 = _upgradeToV2();

        assertEq(v2.version(), "2");
        assertEq(_implementationOf(address(reputation)), address(v2Implementation));
        assertEq(keccak256(_snapshot()), keccak256(before), "xp, ratings, streaks and flags unchanged");
        assertEq(v2.xpOf(alice), 1_000 + 500 + 500);
        assertEq(v2.dealStreak(alice, bob), 2);

        assertTrue(v2.hasRole(0x00, admin));
        assertTrue(v2.hasRole(GOVERNOR_ROLE, admin));
        assertTrue(v2.hasRole(UPGRADER_ROLE, admin));
        assertTrue(v2.hasRole(MARKET_ROLE, address(market)));
        assertTrue(v2.hasRole(COURT_ROLE, court));
        assertTrue(v2.hasRole(GOVERNOR_ROLE, stranger));
        assertFalse(v2.hasRole(UPGRADER_ROLE, stranger));
    }

    function test_upgrade_toV2KeepsWorking() public {
        _populate();
        ReputationV2Mock v2 = _upgradeToV2();

        // Already rated stays rated; the other order can still be rated once.
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(Reputation.AlreadyRated.selector, ratedId));
        v2.rate(ratedId, 1, "");
        _rate(dave, unratedId, 4);
        assertEq(v2.ratingOf(carol).count, 1);

        // The streak carries on: the third alice–bob deal in the period earns a quarter.
        _settled(bob, alice, 1 ether);
        assertEq(v2.xpOf(alice), 2_000 + 250);

        // The dispute loss is still recorded once.
        uint256 carolXp = v2.xpOf(carol);
        vm.prank(court);
        v2.recordDisputeLoss(unratedId, carol);
        assertEq(v2.xpOf(carol), carolXp);
    }
}
