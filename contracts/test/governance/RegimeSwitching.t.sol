// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {Constitution} from "../../src/governance/Constitution.sol";
import {CouncilSeats} from "../../src/governance/CouncilSeats.sol";
import {MonarchyRegime} from "../../src/governance/MonarchyRegime.sol";
import {RegimeGovernor} from "../../src/governance/RegimeGovernor.sol";
import {RegimeKind} from "../../src/governance/IRegime.sol";
import {GovernanceTestBase} from "./utils/GovernanceTestBase.sol";

/// Monarchy → council → democracy → monarchy, each change proposed by the regime in office and
/// run by the timelock; at every step exactly one regime can propose.
contract RegimeSwitchingTest is GovernanceTestBase {
    function setUp() public {
        _deployGovernance();
        _activateCitizens(100);
    }

    /// Only `active` holds the timelock's roles; the monarchy, when deposed, is refused at the door.
    function _assertOnlyActiveCanPropose(address active) internal {
        _assertOnlyRegime(active);
        assertEq(council.isActive(), active == address(council));
        assertEq(democracy.isActive(), active == address(democracy));
        assertEq(monarchy.isActive(), active == address(monarchy));
        if (active != address(monarchy)) {
            (address[] memory t, uint256[] memory v, bytes[] memory d) =
                _one(address(seats), abi.encodeCall(CouncilSeats.setSeatLimit, (6)));
            address king = monarchy.monarch();
            vm.prank(king);
            vm.expectRevert(
                abi.encodeWithSelector(
                    IAccessControl.AccessControlUnauthorizedAccount.selector, address(monarchy), PROPOSER_ROLE
                )
            );
            monarchy.schedule(t, v, d, bytes32(0), MIN_DELAY);
        }
    }

    function test_switching_monarchyToCouncilToDemocracyToMonarchy() public {
        _assertOnlyActiveCanPropose(address(monarchy));

        // The monarch hands over to the council, through the timelock like anything else.
        (address[] memory t, uint256[] memory v, bytes[] memory d) = _switchCall(address(council));
        vm.prank(monarch);
        monarchy.schedule(t, v, d, bytes32(0), MIN_DELAY);
        assertEq(constitution.regime(), address(monarchy), "nothing changes before the delay");
        vm.warp(block.timestamp + MIN_DELAY);
        vm.expectEmit(address(constitution));
        emit Constitution.RegimeChanged(RegimeKind.Monarchy, address(monarchy), RegimeKind.Council, address(council));
        vm.prank(monarch);
        monarchy.execute(t, v, d, bytes32(0));
        _assertOnlyActiveCanPropose(address(council));

        // The council votes for direct democracy.
        (t, v, d) = _switchCall(address(democracy));
        uint256 id = _proposeAndVote(council, member2, _members(), t, v, d, "Power to the active");
        vm.warp(council.proposalDeadline(id) + 1);
        council.queue(t, v, d, keccak256("Power to the active"));
        assertEq(constitution.regime(), address(council), "queued is not done");
        vm.warp(block.timestamp + MIN_DELAY);
        vm.expectEmit(address(constitution));
        emit Constitution.RegimeChanged(RegimeKind.Council, address(council), RegimeKind.Democracy, address(democracy));
        council.execute(t, v, d, keccak256("Power to the active"));
        _assertOnlyActiveCanPropose(address(democracy));

        // The citizens restore the monarchy.
        (t, v, d) = _switchCall(address(monarchy));
        _pass(democracy, citizen3, _citizens(), t, v, d, "Bring back the king");
        _assertOnlyActiveCanPropose(address(monarchy));
        assertEq(uint8(constitution.regimeKind()), uint8(RegimeKind.Monarchy));
        assertEq(constitution.regimeSince(), block.timestamp);
        assertEq(monarchy.crownClaimableAt(), block.timestamp + HEARTBEAT, "a restored monarch starts afresh");

        // The monarch reigns again.
        _monarchRun(address(monarchy), abi.encodeCall(MonarchyRegime.setHeartbeatPeriod, (90 days)));
        assertEq(monarchy.heartbeatPeriod(), 90 days);
    }

    /// A proposal the deposed council had queued can no longer run.
    function test_deposition_strandsTheOldRegimesQueuedProposals() public {
        _monarchRun(address(constitution), abi.encodeCall(Constitution.switchRegime, (address(council))));

        (address[] memory ta, uint256[] memory va, bytes[] memory da) =
            _one(address(seats), abi.encodeCall(CouncilSeats.setSeatLimit, (6)));
        (address[] memory tb, uint256[] memory vb, bytes[] memory db) = _switchCall(address(democracy));
        uint256 a = _proposeAndVote(council, member1, _members(), ta, va, da, "Six seats");
        uint256 b = _proposeAndVote(council, member1, _members(), tb, vb, db, "Democracy");
        vm.warp(council.proposalDeadline(b) + 1);
        council.queue(ta, va, da, keccak256("Six seats"));
        council.queue(tb, vb, db, keccak256("Democracy"));
        vm.warp(block.timestamp + MIN_DELAY);
        council.execute(tb, vb, db, keccak256("Democracy"));
        _assertOnlyRegime(address(democracy));

        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, address(council), EXECUTOR_ROLE
            )
        );
        council.execute(ta, va, da, keccak256("Six seats"));
        assertEq(seats.seatLimit(), SEAT_LIMIT);
        assertGt(a, 0);
    }

    /// The council, once in office, cancels an operation the deposed monarch left pending: a
    /// proposal has the governor relay `cancel` as itself (it holds CANCELLER_ROLE).
    function test_newRegime_cancelsTheDeposedRegimesPendingOperation() public {
        (address[] memory st, uint256[] memory sv, bytes[] memory sd) =
            _one(address(monarchy), abi.encodeCall(MonarchyRegime.setHeartbeatPeriod, (400 days)));
        vm.prank(monarch);
        bytes32 stale = monarchy.schedule(st, sv, sd, bytes32("stale"), 5 days);
        _monarchRun(address(constitution), abi.encodeCall(Constitution.switchRegime, (address(council))));

        _councilPass(
            address(council),
            abi.encodeCall(
                Governor.relay, (address(constitution), 0, abi.encodeCall(TimelockController.cancel, (stale)))
            ),
            "Cancel the deposed monarch's pending operation"
        );
        assertFalse(constitution.isOperation(stale), "cancelled");
        assertEq(monarchy.heartbeatPeriod(), HEARTBEAT);
    }

    /// A governor out of office may hold votes, but nothing it passes reaches the timelock.
    function test_inactiveGovernor_cannotQueue() public {
        (address[] memory t, uint256[] memory v, bytes[] memory d) =
            _one(address(seats), abi.encodeCall(CouncilSeats.setSeatLimit, (6)));
        uint256 id = _proposeAndVote(council, member1, _members(), t, v, d, "While the king reigns");
        vm.warp(council.proposalDeadline(id) + 1);
        vm.expectRevert(RegimeGovernor.GovernorRegimeInactive.selector);
        council.queue(t, v, d, keccak256("While the king reigns"));
        // Nor directly on the timelock.
        vm.prank(address(council));
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, address(council), PROPOSER_ROLE
            )
        );
        constitution.scheduleBatch(t, v, d, bytes32(0), bytes32(0), MIN_DELAY);
    }

    /// Votes held before the regime took office are not carried into its term.
    function test_votesFromBeforeTheTerm_cannotBeQueued() public {
        (address[] memory t, uint256[] memory v, bytes[] memory d) =
            _one(address(seats), abi.encodeCall(CouncilSeats.setSeatLimit, (6)));
        uint256 id = _proposeAndVote(council, member1, _members(), t, v, d, "Prepared in advance");
        _monarchRun(address(constitution), abi.encodeCall(Constitution.switchRegime, (address(council))));
        uint256 since = constitution.regimeSince();
        vm.warp(council.proposalDeadline(id) + 1);
        vm.expectRevert(abi.encodeWithSelector(RegimeGovernor.GovernorProposalFromAnotherTerm.selector, id, since));
        council.queue(t, v, d, keccak256("Prepared in advance"));

        // The same proposal, made in office, goes through.
        _pass(council, member1, _members(), t, v, d, "Made in office");
        assertEq(seats.seatLimit(), 6);
    }
}
