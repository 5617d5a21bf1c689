// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {Constitution} from "../../src/governance/Constitution.sol";
import {ActivityVotes} from "../../src/governance/ActivityVotes.sol";
import {DemocracyGovernor} from "../../src/governance/DemocracyGovernor.sol";
import {GovernanceTestBase} from "./utils/GovernanceTestBase.sol";

contract DemocracyGovernorTest is GovernanceTestBase {
    address internal newModule = makeAddr("newModule");

    function setUp() public {
        _deployGovernance();
        _monarchRun(address(constitution), abi.encodeCall(Constitution.switchRegime, (address(democracy))));
        _activateCitizens(100); // 100 each, 300 in all: quorum 60
    }

    function _grantCall() internal view returns (address[] memory, uint256[] memory, bytes[] memory) {
        return _one(address(activity), abi.encodeCall(IAccessControl.grantRole, (CREDITOR_ROLE, newModule)));
    }

    function _propose(address who, string memory description) internal returns (uint256 id) {
        (address[] memory t, uint256[] memory v, bytes[] memory d) = _grantCall();
        vm.prank(who);
        id = democracy.propose(t, v, d, description);
    }

    function _vote(address who, uint256 id, uint8 support) internal returns (uint256) {
        vm.prank(who);
        return democracy.castVote(id, support);
    }

    function _state(uint256 id) internal view returns (uint8) {
        return uint8(democracy.state(id));
    }

    // ── lifecycle ──

    function test_lifecycle_proposeVoteQueueExecute() public {
        (address[] memory t, uint256[] memory v, bytes[] memory d) = _grantCall();
        string memory description = "Let the new module credit activity";
        uint256 id = _proposeAndVote(democracy, citizen1, _citizens(), t, v, d, description);
        (uint256 against, uint256 forVotes,) = democracy.proposalVotes(id);
        assertEq(forVotes, 300);
        assertEq(against, 0);
        _queueAndExecute(democracy, id, t, v, d, description);
        assertTrue(activity.hasRole(CREDITOR_ROLE, newModule));
    }

    function test_propose_needsTheThresholdOfActivity() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IGovernor.GovernorInsufficientProposerVotes.selector, outsider, 0, DEMOCRACY_THRESHOLD
            )
        );
        _propose(outsider, "I did nothing");

        _credit(outsider, DEMOCRACY_THRESHOLD);
        vm.expectRevert(
            abi.encodeWithSelector(
                IGovernor.GovernorInsufficientProposerVotes.selector, outsider, 0, DEMOCRACY_THRESHOLD
            )
        );
        _propose(outsider, "Not yet: this period's work counts from the next one");

        vm.warp((block.timestamp / ACTIVITY_PERIOD + 1) * ACTIVITY_PERIOD + 1);
        _propose(outsider, "Now I may");
    }

    // ── weights ──

    /// Activity gained after a proposal (before or after its snapshot) changes neither weights nor
    /// quorum; the current period never counts.
    function test_weights_areFixedBeforeTheSnapshot() public {
        uint256 id = _propose(citizen1, "Snapshot rule");
        uint256 snapshot = democracy.proposalSnapshot(id);
        assertEq(snapshot / ACTIVITY_PERIOD, block.timestamp / ACTIVITY_PERIOD, "same period");
        uint256 q = 60; // 20% of 300

        _credit(citizen1, 1000); // before the snapshot, in its period
        _credit(outsider, 500);
        vm.warp(snapshot + 1);
        _credit(citizen2, 1000); // after the snapshot
        _credit(outsider, 500);

        assertEq(_vote(citizen1, id, FOR), 100);
        assertEq(_vote(citizen2, id, FOR), 100);
        assertEq(_vote(outsider, id, FOR), 0, "no activity before the snapshot's period");
        assertEq(democracy.quorum(snapshot), q, "quorum: 20% of the window's 300 points");
        assertEq(activity.getPastTotalSupply(snapshot), 300);

        // Weights at the next period do include the new activity.
        vm.warp((block.timestamp / ACTIVITY_PERIOD + 1) * ACTIVITY_PERIOD + 1);
        assertEq(activity.getVotes(citizen1), 1100);
        assertEq(activity.getVotes(outsider), 1000);
    }

    function test_weights_forgetActivityOutsideTheWindow() public {
        _credit(citizen2, 5000); // in the current period p1
        // Four periods later p1 is the oldest period of the window; five later it has left it.
        vm.warp(block.timestamp + ACTIVITY_WINDOW * ACTIVITY_PERIOD);
        _credit(citizen1, 50);
        _credit(citizen3, 50);
        vm.warp(block.timestamp + ACTIVITY_PERIOD);
        uint256 id = _propose(citizen1, "Old work does not count");
        vm.warp(democracy.proposalSnapshot(id) + 1);
        assertEq(_vote(citizen2, id, AGAINST), 0, "expired");
        assertEq(_vote(citizen1, id, FOR), 50);
        assertEq(activity.getPastTotalSupply(democracy.proposalSnapshot(id)), 100);
        assertEq(democracy.quorum(democracy.proposalSnapshot(id)), 20);
        vm.warp(democracy.proposalDeadline(id) + 1);
        assertEq(_state(id), uint8(IGovernor.ProposalState.Succeeded));
    }

    function test_quorum_isAFractionOfTheWindowedTotal() public {
        uint256 id = _propose(citizen1, "Too few voters");
        vm.warp(democracy.proposalSnapshot(id) + 1);
        assertEq(democracy.quorum(democracy.proposalSnapshot(id)), 60);
        vm.warp(democracy.proposalDeadline(id) + 1);
        assertEq(_state(id), uint8(IGovernor.ProposalState.Defeated), "nobody voted");

        uint256 id2 = _propose(citizen1, "Enough");
        vm.warp(democracy.proposalSnapshot(id2) + 1);
        _vote(citizen3, id2, ABSTAIN);
        _vote(citizen2, id2, FOR);
        vm.warp(democracy.proposalDeadline(id2) + 1);
        assertEq(_state(id2), uint8(IGovernor.ProposalState.Succeeded));
    }

    // ── late quorum ──

    function test_lateQuorum_extendsTheDeadlineOnce() public {
        uint256 id = _propose(citizen1, "Late");
        uint256 deadline = democracy.proposalDeadline(id);
        vm.warp(deadline - 1 days); // inside the last 2 days
        uint256 extended = block.timestamp + LATE_QUORUM_EXTENSION;

        vm.expectEmit(address(democracy));
        emit DemocracyGovernor.ProposalExtended(id, uint64(extended));
        _vote(citizen1, id, FOR); // 100 >= 60: quorum reached late
        assertEq(democracy.proposalDeadline(id), extended);

        // The opposition has two more days.
        vm.warp(deadline + 1);
        assertEq(_state(id), uint8(IGovernor.ProposalState.Active));
        _vote(citizen2, id, AGAINST);
        _vote(citizen3, id, AGAINST);
        assertEq(democracy.proposalDeadline(id), extended, "extended once");
        vm.warp(extended + 1);
        assertEq(_state(id), uint8(IGovernor.ProposalState.Defeated));
    }

    function test_lateQuorum_noExtensionForAQuorumReachedEarly() public {
        uint256 id = _propose(citizen1, "Early");
        uint256 deadline = democracy.proposalDeadline(id);
        vm.warp(democracy.proposalSnapshot(id) + 1);
        _vote(citizen1, id, FOR);
        vm.warp(deadline - 1 hours);
        _vote(citizen2, id, FOR); // late, but quorum was already there
        assertEq(democracy.proposalDeadline(id), deadline);
        vm.warp(deadline + 1);
        assertEq(_state(id), uint8(IGovernor.ProposalState.Succeeded));
    }

    function test_lateQuorum_onlyTheVoteThatReachesItExtends() public {
        _credit(outsider, 30);
        vm.warp((block.timestamp / ACTIVITY_PERIOD + 1) * ACTIVITY_PERIOD + 1);
        uint256 id = _propose(citizen1, "Crossing");
        uint256 deadline = democracy.proposalDeadline(id);
        vm.warp(deadline - 10 hours);
        assertEq(democracy.quorum(democracy.proposalSnapshot(id)), 66, "20% of 330");
        _vote(outsider, id, FOR); // 30 < 66: late, no quorum, no extension
        assertEq(democracy.proposalDeadline(id), deadline);
        _vote(citizen3, id, AGAINST); // against votes do not count for quorum
        assertEq(democracy.proposalDeadline(id), deadline);
        vm.warp(deadline - 1 hours);
        _vote(citizen2, id, ABSTAIN); // 130 >= 66: reached now
        assertEq(democracy.proposalDeadline(id), block.timestamp + LATE_QUORUM_EXTENSION);
    }

    function test_constructor_capsTheExtensionAtTheVotingPeriod() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                DemocracyGovernor.GovernorPreventLateQuorumVoteExtensionTooLarge.selector,
                DEMOCRACY_VOTING_PERIOD + 1,
                DEMOCRACY_VOTING_PERIOD
            )
        );
        new DemocracyGovernor(
            activity,
            constitution,
            DEMOCRACY_VOTING_DELAY,
            DEMOCRACY_VOTING_PERIOD,
            DEMOCRACY_THRESHOLD,
            DEMOCRACY_QUORUM,
            DEMOCRACY_VOTING_PERIOD + 1
        );
    }

    function test_reads() public view {
        assertEq(democracy.name(), "OSO Democracy");
        assertEq(democracy.lateQuorumVoteExtension(), LATE_QUORUM_EXTENSION);
        assertEq(uint8(democracy.regimeKind()), 3);
        assertEq(address(democracy.token()), address(activity));
        assertEq(democracy.CLOCK_MODE(), "mode=timestamp");
        assertTrue(democracy.isActive());
        assertFalse(council.isActive());
        assertEq(ActivityVotes(address(democracy.token())).WINDOW(), ACTIVITY_WINDOW);
        assertEq(democracy.timelock(), address(constitution));
        // Only the timelock administers the activity source (it grants CREDITOR_ROLE).
        address[] memory known = _knownAccounts();
        for (uint256 i; i < known.length; ++i) {
            assertEq(activity.hasRole(0x00, known[i]), known[i] == address(constitution));
        }
    }

    // ── voting is open exactly while the proposal is Active ──

    function _expectNotActive(uint256 id, IGovernor.ProposalState current) internal {
        vm.expectRevert(
            abi.encodeWithSelector(
                IGovernor.GovernorUnexpectedProposalState.selector,
                id,
                current,
                bytes32(uint256(1) << uint8(IGovernor.ProposalState.Active))
            )
        );
    }

    function test_castVote_refusedOutsideTheVotingWindowWithTheExactState() public {
        uint256 id = _propose(citizen1, "Window");
        _expectNotActive(id, IGovernor.ProposalState.Pending);
        _vote(citizen2, id, FOR);
        vm.warp(democracy.proposalSnapshot(id));
        _expectNotActive(id, IGovernor.ProposalState.Pending);
        _vote(citizen2, id, FOR);
        vm.warp(democracy.proposalSnapshot(id) + 1);
        _vote(citizen2, id, FOR);
        vm.warp(democracy.proposalDeadline(id));
        _vote(citizen3, id, AGAINST); // the deadline second still counts
        vm.warp(democracy.proposalDeadline(id) + 1);
        _expectNotActive(id, IGovernor.ProposalState.Defeated);
        _vote(citizen1, id, FOR);

        uint256 unknown = 12345;
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorNonexistentProposal.selector, unknown));
        _vote(citizen1, unknown, FOR);
    }

    function test_castVote_refusedOnACanceledProposal() public {
        (address[] memory t, uint256[] memory v, bytes[] memory d) = _grantCall();
        uint256 id = _propose(citizen1, "Withdrawn");
        vm.prank(citizen1);
        democracy.cancel(t, v, d, keccak256("Withdrawn"));
        vm.warp(democracy.proposalSnapshot(id) + 1);
        _expectNotActive(id, IGovernor.ProposalState.Canceled);
        _vote(citizen2, id, FOR);
        assertEq(_state(id), uint8(IGovernor.ProposalState.Canceled));
        (uint256 against, uint256 forVotes, uint256 abstain) = democracy.proposalVotes(id);
        assertEq(against + forVotes + abstain, 0);
    }

    function test_castVote_openDuringTheExtensionOnly() public {
        uint256 id = _propose(citizen1, "Extended");
        vm.warp(democracy.proposalDeadline(id) - 1 hours);
        _vote(citizen1, id, FOR);
        uint256 extended = democracy.proposalDeadline(id);
        vm.warp(extended);
        _vote(citizen2, id, AGAINST);
        vm.warp(extended + 1);
        _expectNotActive(id, IGovernor.ProposalState.Defeated);
        _vote(citizen3, id, AGAINST);
    }
}
