// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {ActivityVotes} from "./ActivityVotes.sol";
import {Constitution} from "./Constitution.sol";
import {GovernorCountingPacked} from "./GovernorCountingPacked.sol";
import {RegimeKind} from "./IRegime.sol";
import {RegimeGovernor} from "./RegimeGovernor.sol";

/// @title DemocracyGovernor
/// @notice Direct democracy weighted by activity: an OpenZeppelin Governor over `ActivityVotes`.
/// Everyone's weight for a proposal is the activity they earned in the trailing window of
/// completed periods before the proposal's snapshot, and the quorum is `quorumNumerator`% of
/// everyone's activity in that same window (rounded up) — activity gained after the snapshot
/// counts for nothing. Proposing needs `proposalThreshold()` of weight one second before.
/// See RegimeGovernor for the rules shared with the council.
///
/// Late-quorum protection (the rule of OpenZeppelin's GovernorPreventLateQuorum): if a vote
/// makes the proposal reach quorum less than `lateQuorumVoteExtension()` seconds before its
/// deadline, the deadline moves to that vote's time plus the extension, once, so the opposition
/// always has that long to react to a quorum suddenly reached.
///
/// @dev Same rule as GovernorPreventLateQuorum, implemented on the packed tally word (bits
/// 168–207: the extended deadline; 208–247: the proposal's own deadline, cached by its first vote),
/// so it costs no storage of its own, and the quorum is computed only for votes cast inside the
/// last `lateQuorumVoteExtension()` seconds before the deadline (a quorum reached earlier cannot
/// extend anything): ordinary votes pay a few hundred gas for the protection. The extension is an
/// immutable for the same reason (a storage read on every vote would cost 2,100 gas); a different
/// extension means a new DemocracyGovernor installed by a regime change. Timestamps must stay
/// below 2^40 (year 36812).
contract DemocracyGovernor is RegimeGovernor {
    uint256 private constant EXTENDED_SHIFT = EXTENSION_SHIFT; // 40 bits
    uint256 private constant DEADLINE_SHIFT = EXTENSION_SHIFT + 40; // 40 bits
    uint256 private constant MASK40 = (1 << 40) - 1;

    uint48 private immutable _voteExtension;

    /// @notice A late quorum pushed the deadline of `proposalId` back to `extendedDeadline`.
    event ProposalExtended(uint256 indexed proposalId, uint64 extendedDeadline);

    /// @notice The vote extension cannot exceed the voting period.
    error GovernorPreventLateQuorumVoteExtensionTooLarge(uint256 newVoteExtension, uint256 maxVoteExtension);

    /// @param votes_ The activity votes source.
    /// @param timelock_ The Constitution.
    /// @param votingDelay_ Seconds between proposing and the snapshot, at least 1.
    /// @param votingPeriod_ Seconds of voting.
    /// @param proposalThreshold_ Activity weight needed to propose.
    /// @param quorumNumerator_ Quorum in percent of everyone's activity in the window.
    /// @param voteExtension_ Late-quorum extension in seconds, at most the voting period.
    constructor(
        ActivityVotes votes_,
        Constitution timelock_,
        uint48 votingDelay_,
        uint32 votingPeriod_,
        uint256 proposalThreshold_,
        uint256 quorumNumerator_,
        uint48 voteExtension_
    )
        RegimeGovernor(
            "OSO Democracy", votes_, timelock_, votingDelay_, votingPeriod_, proposalThreshold_, quorumNumerator_
        )
    {
        if (voteExtension_ > votingPeriod_) {
            revert GovernorPreventLateQuorumVoteExtensionTooLarge(voteExtension_, votingPeriod_);
        }
        _voteExtension = voteExtension_;
    }

    /// @notice RegimeKind.Democracy.
    function regimeKind() external pure returns (RegimeKind) {
        return RegimeKind.Democracy;
    }

    /// @notice Seconds the opposition is guaranteed after a quorum is reached.
    function lateQuorumVoteExtension() external view returns (uint48) {
        return _voteExtension;
    }

    /// @notice The deadline, pushed back if quorum was reached late.
    /// @param proposalId The proposal.
    function proposalDeadline(uint256 proposalId) public view override returns (uint256) {
        return _deadline(proposalId, _tallyWord(proposalId));
    }

    /// The extended deadline if any, else the proposal's own (cached in the word by its first vote).
    function _deadline(uint256 proposalId, uint256 word) internal view override returns (uint256) {
        uint256 extended = (word >> EXTENDED_SHIFT) & MASK40;
        if (extended != 0) return extended; // always later than the proposal's own deadline
        uint256 own = (word >> DEADLINE_SHIFT) & MASK40;
        return own != 0 ? own : Governor.proposalDeadline(proposalId);
    }

    /// Caches the proposal's own deadline (first vote) and extends it once, when this vote
    /// reaches quorum inside the late window.
    function _afterVote(uint256 proposalId, uint256 before, uint256 word)
        internal
        override(GovernorCountingPacked)
        returns (uint256)
    {
        if ((word >> EXTENDED_SHIFT) & MASK40 != 0) return word;
        uint256 deadline = (word >> DEADLINE_SHIFT) & MASK40;
        if (deadline == 0) {
            deadline = Governor.proposalDeadline(proposalId);
            word |= deadline << DEADLINE_SHIFT;
        }
        uint256 extended = block.timestamp + _voteExtension;
        if (extended <= deadline) return word;
        uint256 votesAfter = _quorumVotes(word);
        uint256 votesBefore = _quorumVotes(before);
        if (votesAfter == votesBefore) return word;
        uint256 q = quorum(proposalSnapshot(proposalId));
        if (votesBefore < q && votesAfter >= q) {
            word |= extended << EXTENDED_SHIFT;
            emit ProposalExtended(proposalId, uint64(extended));
        }
        return word;
    }
}
