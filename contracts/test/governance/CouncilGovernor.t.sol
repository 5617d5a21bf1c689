// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {GovernorSettings} from "@openzeppelin/contracts/governance/extensions/GovernorSettings.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {Constitution} from "../../src/governance/Constitution.sol";
import {CouncilSeats} from "../../src/governance/CouncilSeats.sol";
import {CouncilGovernor} from "../../src/governance/CouncilGovernor.sol";
import {RegimeGovernor} from "../../src/governance/RegimeGovernor.sol";
import {GovernanceTestBase} from "./utils/GovernanceTestBase.sol";

contract CouncilGovernorTest is GovernanceTestBase {
    address internal newcomer = makeAddr("newcomer");

    function setUp() public {
        _deployGovernance();
        _monarchRun(address(constitution), abi.encodeCall(Constitution.switchRegime, (address(council))));
    }

    function _state(uint256 id) internal view returns (uint8) {
        return uint8(council.state(id));
    }

    function _vote(address who, uint256 id, uint8 support) internal {
        vm.prank(who);
        council.castVote(id, support);
    }

    // ── lifecycle ──

    function test_lifecycle_proposeVoteQueueExecute() public {
        (address[] memory t, uint256[] memory v, bytes[] memory d) =
            _one(address(seats), abi.encodeCall(CouncilSeats.setSeatLimit, (7)));
        string memory description = "Raise the seat limit to 7";

        vm.prank(member2);
        uint256 id = council.propose(t, v, d, description);
        assertEq(id, council.hashProposal(t, v, d, keccak256(bytes(description))));
        assertEq(_state(id), uint8(IGovernor.ProposalState.Pending));
        assertEq(council.proposalSnapshot(id), block.timestamp + COUNCIL_VOTING_DELAY);
        assertEq(council.proposalDeadline(id), block.timestamp + COUNCIL_VOTING_DELAY + COUNCIL_VOTING_PERIOD);

        vm.prank(member1);
        vm.expectRevert(
            abi.encodeWithSelector(
                IGovernor.GovernorUnexpectedProposalState.selector,
                id,
                IGovernor.ProposalState.Pending,
                bytes32(uint256(1) << uint8(IGovernor.ProposalState.Active))
            )
        );
        council.castVote(id, FOR);

        vm.warp(council.proposalSnapshot(id) + 1);
        assertEq(_state(id), uint8(IGovernor.ProposalState.Active));
        vm.expectEmit(address(council));
        emit IGovernor.VoteCast(member1, id, FOR, 1, "");
        _vote(member1, id, FOR);
        _vote(member2, id, AGAINST);
        _vote(member3, id, FOR);
        (uint256 against, uint256 forVotes, uint256 abstain) = council.proposalVotes(id);
        assertEq(against, 1);
        assertEq(forVotes, 2);
        assertEq(abstain, 0);
        assertTrue(council.hasVoted(id, member2));
        vm.prank(member2);
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorAlreadyCastVote.selector, member2));
        council.castVote(id, FOR);

        _queueAndExecute(council, id, t, v, d, description);
        assertEq(seats.seatLimit(), 7);
    }

    function test_propose_onlyByMembers() public {
        (address[] memory t, uint256[] memory v, bytes[] memory d) =
            _one(address(seats), abi.encodeCall(CouncilSeats.setSeatLimit, (7)));
        vm.prank(outsider);
        vm.expectRevert(
            abi.encodeWithSelector(IGovernor.GovernorInsufficientProposerVotes.selector, outsider, 0, COUNCIL_THRESHOLD)
        );
        council.propose(t, v, d, "outsider");
    }

    function test_propose_capsActionsPerProposal() public {
        uint256 max = council.MAX_ACTIONS();
        address[] memory t = new address[](max + 1);
        uint256[] memory v = new uint256[](max + 1);
        bytes[] memory d = new bytes[](max + 1);
        vm.prank(member1);
        vm.expectRevert(abi.encodeWithSelector(RegimeGovernor.GovernorTooManyActions.selector, max + 1, max));
        council.propose(t, v, d, "too much at once");
    }

    // ── admission and discharge ──

    function test_admission_isACouncilProposal() public {
        (address[] memory t, uint256[] memory v, bytes[] memory d) =
            _one(address(seats), abi.encodeCall(CouncilSeats.admit, (newcomer)));
        uint256 admission = _proposeAndVote(council, member1, _members(), t, v, d, "Admit the newcomer");
        // A proposal whose snapshot passes before the admission is executed, still open after it.
        vm.warp(block.timestamp + 2 days);
        (address[] memory t2, uint256[] memory v2, bytes[] memory d2) =
            _one(address(seats), abi.encodeCall(CouncilSeats.setSeatLimit, (4)));
        vm.prank(member1);
        uint256 earlier = council.propose(t2, v2, d2, "Seat limit 4");
        _queueAndExecute(council, admission, t, v, d, "Admit the newcomer");

        assertTrue(seats.isMember(newcomer));
        assertEq(seats.seatCount(), 4);
        assertLt(council.proposalSnapshot(earlier), block.timestamp);
        assertEq(_state(earlier), uint8(IGovernor.ProposalState.Active));
        vm.prank(newcomer);
        assertEq(council.castVote(earlier, FOR), 0, "no seat at the snapshot: no weight");

        // From the next second on, the newcomer proposes and votes like any member.
        vm.warp(block.timestamp + 1);
        (address[] memory t3, uint256[] memory v3, bytes[] memory d3) =
            _one(address(seats), abi.encodeCall(CouncilSeats.setSeatLimit, (6)));
        vm.prank(newcomer);
        uint256 next = council.propose(t3, v3, d3, "Seat limit 6");
        vm.warp(council.proposalSnapshot(next) + 1);
        vm.prank(newcomer);
        assertEq(council.castVote(next, FOR), 1);
        // Quorum: half of the 4 seats at the snapshot, rounded up.
        assertEq(council.quorum(council.proposalSnapshot(next)), 2);
    }

    function test_discharge_isACouncilProposal() public {
        _councilPass(address(seats), abi.encodeCall(CouncilSeats.discharge, (member3)), "Discharge member 3");
        assertFalse(seats.isMember(member3));
        assertEq(seats.seatCount(), 2);
        vm.warp(block.timestamp + 1);

        (address[] memory t, uint256[] memory v, bytes[] memory d) =
            _one(address(seats), abi.encodeCall(CouncilSeats.setSeatLimit, (4)));
        vm.prank(member3);
        vm.expectRevert(
            abi.encodeWithSelector(IGovernor.GovernorInsufficientProposerVotes.selector, member3, 0, COUNCIL_THRESHOLD)
        );
        council.propose(t, v, d, "Seat limit 4");

        vm.prank(member1);
        uint256 id = council.propose(t, v, d, "Seat limit 4");
        vm.warp(council.proposalSnapshot(id) + 1);
        vm.prank(member3);
        assertEq(council.castVote(id, AGAINST), 0, "a discharged member weighs nothing");
        assertEq(council.quorum(council.proposalSnapshot(id)), 1, "half of 2 seats");
    }

    function test_seatLimit_stopsAnAdmissionBeyondIt() public {
        address[] memory t = new address[](3);
        uint256[] memory v = new uint256[](3);
        bytes[] memory d = new bytes[](3);
        for (uint256 i; i < 3; ++i) {
            t[i] = address(seats);
            d[i] = abi.encodeCall(CouncilSeats.admit, (makeAddr(string(abi.encodePacked("candidate", i)))));
        }
        string memory description = "Admit three candidates";
        uint256 id = _proposeAndVote(council, member1, _members(), t, v, d, description);
        vm.warp(council.proposalDeadline(id) + 1);
        council.queue(t, v, d, keccak256(bytes(description)));
        vm.warp(block.timestamp + MIN_DELAY);
        vm.expectRevert(abi.encodeWithSelector(CouncilSeats.SeatLimitReached.selector, SEAT_LIMIT));
        council.execute(t, v, d, keccak256(bytes(description)));
        assertEq(seats.seatCount(), 3, "all or nothing");
    }

    // ── counting ──

    function test_quorum_isAFractionOfTheSeatsRoundedUp() public {
        (address[] memory t, uint256[] memory v, bytes[] memory d) =
            _one(address(seats), abi.encodeCall(CouncilSeats.setSeatLimit, (7)));
        address[] memory one = new address[](1);
        one[0] = member1;
        uint256 id = _proposeAndVote(council, member1, one, t, v, d, "Alone");
        assertEq(council.quorum(council.proposalSnapshot(id)), 2, "half of 3, rounded up");
        vm.warp(council.proposalDeadline(id) + 1);
        assertEq(_state(id), uint8(IGovernor.ProposalState.Defeated), "one For vote is no quorum");
    }

    function test_abstentionsCountForQuorumNotForSuccess() public {
        (address[] memory t, uint256[] memory v, bytes[] memory d) =
            _one(address(seats), abi.encodeCall(CouncilSeats.setSeatLimit, (7)));
        vm.prank(member1);
        uint256 id = council.propose(t, v, d, "Abstain");
        vm.warp(council.proposalSnapshot(id) + 1);
        _vote(member1, id, FOR);
        _vote(member2, id, ABSTAIN);
        vm.warp(council.proposalDeadline(id) + 1);
        assertEq(_state(id), uint8(IGovernor.ProposalState.Succeeded));

        vm.prank(member1);
        uint256 id2 = council.propose(t, v, d, "Against");
        vm.warp(council.proposalSnapshot(id2) + 1);
        _vote(member1, id2, FOR);
        _vote(member2, id2, AGAINST);
        _vote(member3, id2, ABSTAIN);
        vm.prank(member1);
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorAlreadyCastVote.selector, member1));
        council.castVote(id2, AGAINST);
        vm.warp(council.proposalDeadline(id2) + 1);
        assertEq(_state(id2), uint8(IGovernor.ProposalState.Defeated), "a tie is not a success");
    }

    function test_castVote_rejectsUnknownSupport() public {
        (address[] memory t, uint256[] memory v, bytes[] memory d) =
            _one(address(seats), abi.encodeCall(CouncilSeats.setSeatLimit, (7)));
        vm.prank(member1);
        uint256 id = council.propose(t, v, d, "x");
        vm.warp(council.proposalSnapshot(id) + 1);
        vm.prank(member1);
        vm.expectRevert(IGovernor.GovernorInvalidVoteType.selector);
        council.castVote(id, 3);
        assertFalse(council.hasVoted(id, member1));
    }

    // ── safety ──

    function test_execute_runsOnlyWhatWasVoted() public {
        (address[] memory t, uint256[] memory v, bytes[] memory d) =
            _one(address(seats), abi.encodeCall(CouncilSeats.setSeatLimit, (7)));
        uint256 id = _proposeAndVote(council, member1, _members(), t, v, d, "Seven");
        vm.warp(council.proposalDeadline(id) + 1);
        council.queue(t, v, d, keccak256("Seven"));
        vm.warp(block.timestamp + MIN_DELAY);

        bytes[] memory forged = new bytes[](1);
        forged[0] = abi.encodeCall(CouncilSeats.admit, (outsider));
        uint256 forgedId = council.hashProposal(t, v, forged, keccak256("Seven"));
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorNonexistentProposal.selector, forgedId));
        council.execute(t, v, forged, keccak256("Seven"));
        // Nor can anyone run a forged batch on the timelock directly.
        vm.prank(outsider);
        vm.expectRevert();
        constitution.executeBatch(t, v, forged, bytes32(0), bytes32(0));

        council.execute(t, v, d, keccak256("Seven"));
        assertEq(seats.seatLimit(), 7);
        assertFalse(seats.isMember(outsider));
    }

    function test_cancel_byTheProposerWhilePending() public {
        (address[] memory t, uint256[] memory v, bytes[] memory d) =
            _one(address(seats), abi.encodeCall(CouncilSeats.setSeatLimit, (7)));
        vm.prank(member1);
        uint256 id = council.propose(t, v, d, "Oops");
        vm.prank(member2);
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorUnableToCancel.selector, id, member2));
        council.cancel(t, v, d, keccak256("Oops"));
        vm.prank(member1);
        council.cancel(t, v, d, keccak256("Oops"));
        assertEq(_state(id), uint8(IGovernor.ProposalState.Canceled));
        vm.warp(council.proposalSnapshot(id) + 1);
        vm.prank(member2);
        vm.expectRevert(
            abi.encodeWithSelector(
                IGovernor.GovernorUnexpectedProposalState.selector,
                id,
                IGovernor.ProposalState.Canceled,
                bytes32(uint256(1) << uint8(IGovernor.ProposalState.Active))
            )
        );
        council.castVote(id, FOR);
    }

    function test_settings_changeOnlyThroughTheCouncilsOwnProposals() public {
        _councilPass(
            address(council), abi.encodeCall(GovernorSettings.setVotingPeriod, (uint32(5 days))), "Longer votes"
        );
        assertEq(council.votingPeriod(), 5 days);

        // The timelock alone (another regime's operation) cannot touch them.
        _asTimelock();
        vm.expectRevert();
        council.setVotingPeriod(1 days);

        // A voting delay of zero is refused.
        (address[] memory t, uint256[] memory v, bytes[] memory d) =
            _one(address(council), abi.encodeCall(GovernorSettings.setVotingDelay, (uint48(0))));
        uint256 id = _proposeAndVote(council, member1, _members(), t, v, d, "No delay");
        vm.warp(council.proposalDeadline(id) + 1);
        council.queue(t, v, d, keccak256("No delay"));
        vm.warp(block.timestamp + MIN_DELAY);
        vm.expectRevert(RegimeGovernor.GovernorVotingDelayTooShort.selector);
        council.execute(t, v, d, keccak256("No delay"));
        assertEq(council.votingDelay(), COUNCIL_VOTING_DELAY);
    }

    function test_constructor_refusesAZeroVotingDelay() public {
        vm.expectRevert(RegimeGovernor.GovernorVotingDelayTooShort.selector);
        new CouncilGovernor(seats, constitution, 0, COUNCIL_VOTING_PERIOD, 1, COUNCIL_QUORUM);
    }

    function test_updateTimelock_isDisabled() public {
        vm.expectRevert(RegimeGovernor.GovernorTimelockFixed.selector);
        council.updateTimelock(TimelockController(payable(outsider)));
    }

    function test_reads() public view {
        assertEq(council.name(), "OSO Council");
        assertEq(council.CLOCK_MODE(), "mode=timestamp");
        assertEq(council.clock(), block.timestamp);
        assertEq(council.COUNTING_MODE(), "support=bravo&quorum=for,abstain");
        assertEq(address(council.seats()), address(seats));
        assertEq(address(council.token()), address(seats));
        assertEq(council.quorumNumerator(), COUNCIL_QUORUM);
        assertEq(council.proposalThreshold(), COUNCIL_THRESHOLD);
        assertEq(uint8(council.regimeKind()), 2);
        assertTrue(council.isActive());
        assertEq(council.timelock(), address(constitution));
        assertEq(seats.timelock(), address(constitution));
    }
}
