// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {GovernorSettings} from "@openzeppelin/contracts/governance/extensions/GovernorSettings.sol";
import {GovernorVotes} from "@openzeppelin/contracts/governance/extensions/GovernorVotes.sol";
import {
    GovernorVotesQuorumFraction
} from "@openzeppelin/contracts/governance/extensions/GovernorVotesQuorumFraction.sol";
import {GovernorTimelockControl} from "@openzeppelin/contracts/governance/extensions/GovernorTimelockControl.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {IERC6372} from "@openzeppelin/contracts/interfaces/IERC6372.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {Time} from "@openzeppelin/contracts/utils/types/Time.sol";
import {Constitution} from "./Constitution.sol";
import {GovernorCountingPacked} from "./GovernorCountingPacked.sol";
import {IRegime, RegimeKind} from "./IRegime.sol";

/// @title RegimeGovernor
/// @notice What the council and the democracy share: an OpenZeppelin Governor whose proposals run
/// through the Constitution's timelock.
/// - Settings (GovernorSettings, changed only by this governor's own proposals): voting delay
///   (at least 1 second, so the snapshot is always in the future when a proposal is made),
///   voting period, proposal threshold.
/// - Votes from an ERC-5805 source with a timestamp clock (GovernorVotes); quorum a fraction of
///   the source's total supply at the snapshot, rounded up and at least 1
///   (GovernorVotesQuorumFraction).
/// - Counting: Against / For / Abstain, packed (GovernorCountingPacked).
/// - Timelock (GovernorTimelockControl): a succeeded proposal is queued on the timelock as one
///   batch and executed from it after the delay, exactly the calls that were voted — the
///   proposal id commits to targets, values, calldata and description. The timelock cannot be
///   changed (`updateTimelock` reverts): another timelock means another regime contract.
/// - At most MAX_ACTIONS calls per proposal.
/// - Terms: a proposal is queued only while this governor is the Constitution's active regime and
///   only if its snapshot came after the regime took office, so votes held while another regime
///   governed never reach the timelock. (Proposing and voting are open at any time — the UI reads
///   `isActive()` — but only the regime in office can schedule; the timelock enforces it too.)
/// @dev Not upgradeable: a changed regime is a new contract installed by `Constitution.switchRegime`.
abstract contract RegimeGovernor is
    Governor,
    GovernorSettings,
    GovernorCountingPacked,
    GovernorVotes,
    GovernorVotesQuorumFraction,
    GovernorTimelockControl,
    IRegime
{
    /// @notice Most calls in one proposal.
    uint256 public constant MAX_ACTIONS = 10;

    Constitution private immutable _constitution;

    /// @notice A proposal with more than MAX_ACTIONS calls.
    error GovernorTooManyActions(uint256 actions, uint256 max);
    /// @notice This governor is not the active regime: it cannot queue.
    error GovernorRegimeInactive();
    /// @notice The proposal's vote began before the regime's current term (`termStart`).
    error GovernorProposalFromAnotherTerm(uint256 proposalId, uint256 termStart);
    /// @notice The voting delay must be at least 1 second.
    error GovernorVotingDelayTooShort();
    /// @notice The timelock of a regime cannot change.
    error GovernorTimelockFixed();
    /// @notice The votes source does not use a timestamp clock.
    error GovernorClockMismatch(string clockMode);

    /// @param name_ The governor's name (EIP-712 domain, UI).
    /// @param token_ The votes source (ERC-5805, timestamp clock).
    /// @param timelock_ The Constitution.
    /// @param votingDelay_ Seconds between proposing and the snapshot, at least 1.
    /// @param votingPeriod_ Seconds of voting.
    /// @param proposalThreshold_ Votes needed at `now - 1` to propose.
    /// @param quorumNumerator_ Quorum in percent of the total supply at the snapshot.
    constructor(
        string memory name_,
        IVotes token_,
        Constitution timelock_,
        uint48 votingDelay_,
        uint32 votingPeriod_,
        uint256 proposalThreshold_,
        uint256 quorumNumerator_
    )
        Governor(name_)
        GovernorSettings(votingDelay_, votingPeriod_, proposalThreshold_)
        GovernorVotes(token_)
        GovernorVotesQuorumFraction(quorumNumerator_)
        GovernorTimelockControl(timelock_)
    {
        string memory mode = IERC6372(address(token_)).CLOCK_MODE();
        if (keccak256(bytes(mode)) != keccak256("mode=timestamp")) revert GovernorClockMismatch(mode);
        _constitution = timelock_;
    }

    /// @notice Create a proposal: at most MAX_ACTIONS calls, and only with at least
    /// `proposalThreshold()` votes one second ago.
    /// @param targets Contracts the timelock will call.
    /// @param values Wei sent with each call.
    /// @param calldatas Calldata of each call.
    /// @param description Human-readable description (may end with `#proposer=0x…`).
    /// @return The proposal id.
    function propose(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description
    ) public virtual override returns (uint256) {
        if (targets.length > MAX_ACTIONS) {
            revert GovernorTooManyActions(targets.length, MAX_ACTIONS);
        }
        return super.propose(targets, values, calldatas, description);
    }

    /// @notice Always reverts: a regime's timelock is fixed.
    function updateTimelock(TimelockController) public pure override {
        revert GovernorTimelockFixed();
    }

    /// @notice Whether this governor is the Constitution's active regime (the one that can queue).
    function isActive() external view returns (bool) {
        return _constitution.regime() == address(this);
    }

    /// @inheritdoc IRegime
    function timelock() public view override(GovernorTimelockControl, IRegime) returns (address) {
        return address(_constitution);
    }

    /// @notice The clock is the votes source's: unix seconds.
    function clock() public view virtual override(Governor, GovernorVotes) returns (uint48) {
        return Time.timestamp();
    }

    /// @notice ERC-6372 clock mode: timestamps.
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public pure virtual override(Governor, GovernorVotes) returns (string memory) {
        return "mode=timestamp";
    }

    /// @notice Votes needed for a proposal to pass: `quorumNumerator / 100` of the total supply at
    /// `timepoint`, rounded up, and at least 1.
    /// @param timepoint A past timepoint (the proposal snapshot).
    function quorum(uint256 timepoint)
        public
        view
        virtual
        override(Governor, GovernorVotesQuorumFraction)
        returns (uint256)
    {
        uint256 q = Math.mulDiv(
            token().getPastTotalSupply(timepoint), quorumNumerator(timepoint), quorumDenominator(), Math.Rounding.Ceil
        );
        return q == 0 ? 1 : q;
    }

    // ───────────────────────────────── Voting ─────────────────────────────────

    /// @dev OpenZeppelin's `_castVote` with a cheaper check that the vote is open: instead of the
    /// full `state()` machine (three wrappers, two snapshot reads, flags), the vote is open when
    /// the proposal exists, its snapshot has passed, it was not canceled (a bit of the tally word;
    /// a proposal can only be executed after its deadline) and its deadline has not. Whenever that
    /// check says "not open", OpenZeppelin's own `_validateStateBitmap` decides — and reverts with
    /// the proposal's exact state — so the result is always the one `state()` gives.
    function _castVote(uint256 proposalId, address account, uint8 support, string memory reason, bytes memory params)
        internal
        virtual
        override
        returns (uint256)
    {
        uint256 snapshot = proposalSnapshot(proposalId);
        if (!_votingOpen(proposalId, snapshot)) {
            _validateStateBitmap(proposalId, _encodeStateBitmap(ProposalState.Active));
        }
        uint256 votedWeight = _countVote(proposalId, account, support, _getVotes(account, snapshot, params), params);
        if (params.length == 0) {
            emit VoteCast(account, proposalId, support, votedWeight, reason);
        } else {
            emit VoteCastWithParams(account, proposalId, support, votedWeight, reason, params);
        }
        _tallyUpdated(proposalId);
        return votedWeight;
    }

    /// @dev Whether `proposalId` (snapshot `snapshot`) accepts votes now.
    function _votingOpen(uint256 proposalId, uint256 snapshot) private view returns (bool) {
        if (snapshot == 0 || snapshot >= block.timestamp) return false;
        uint256 word = _tallyWord(proposalId);
        if (word & CANCELED_BIT != 0) return false;
        return block.timestamp <= _deadline(proposalId, word);
    }

    /// @dev The deadline of `proposalId`, given its tally word (a late-quorum rule extends it).
    function _deadline(uint256 proposalId, uint256) internal view virtual returns (uint256) {
        return Governor.proposalDeadline(proposalId);
    }

    // ───────────────────────── Overrides required by Solidity ─────────────────────────

    /// @inheritdoc GovernorSettings
    function votingDelay() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.votingDelay();
    }

    /// @inheritdoc GovernorSettings
    function votingPeriod() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.votingPeriod();
    }

    /// @inheritdoc GovernorSettings
    function proposalThreshold() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.proposalThreshold();
    }

    /// @inheritdoc GovernorTimelockControl
    function state(uint256 proposalId)
        public
        view
        virtual
        override(Governor, GovernorTimelockControl)
        returns (ProposalState)
    {
        return super.state(proposalId);
    }

    /// @inheritdoc GovernorTimelockControl
    function proposalNeedsQueuing(uint256 proposalId)
        public
        view
        override(Governor, GovernorTimelockControl)
        returns (bool)
    {
        return super.proposalNeedsQueuing(proposalId);
    }

    function _setVotingDelay(uint48 newVotingDelay) internal override {
        if (newVotingDelay == 0) revert GovernorVotingDelayTooShort();
        super._setVotingDelay(newVotingDelay);
    }

    function _queueOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) returns (uint48) {
        (, address regime, uint48 since) = _constitution.currentRegime();
        if (regime != address(this)) revert GovernorRegimeInactive();
        if (proposalSnapshot(proposalId) <= since) revert GovernorProposalFromAnotherTerm(proposalId, since);
        return super._queueOperations(proposalId, targets, values, calldatas, descriptionHash);
    }

    function _executeOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) {
        super._executeOperations(proposalId, targets, values, calldatas, descriptionHash);
    }

    function _cancel(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) returns (uint256 proposalId) {
        proposalId = super._cancel(targets, values, calldatas, descriptionHash);
        _markCanceled(proposalId);
    }

    /// The timelock, from the immutable copy (`updateTimelock` is disabled, so it never differs).
    function _executor() internal view override(Governor, GovernorTimelockControl) returns (address) {
        return address(_constitution);
    }
}
