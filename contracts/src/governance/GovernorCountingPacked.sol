// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Governor, IGovernor} from "@openzeppelin/contracts/governance/Governor.sol";

/// @title GovernorCountingPacked
/// @notice OpenZeppelin's GovernorCountingSimple (Against / For / Abstain, quorum counts For and
/// Abstain, a proposal succeeds with more For than Against) with a proposal's three tallies packed
/// in one storage word, next to 88 bits an extension (the democracy's late-quorum rule) may use.
/// Same public interface as GovernorCountingSimple (`COUNTING_MODE`, `hasVoted`, `proposalVotes`).
///
/// Why: GovernorCountingSimple keeps each tally in its own slot, so a vote of a kind nobody cast
/// yet costs a fresh 22,100-gas SSTORE, and OpenZeppelin's GovernorPreventLateQuorum adds another
/// slot read on every vote and a fresh slot when quorum is reached. Here every vote reads and
/// writes one word, once.
///
/// Word layout: bits 0–55 Against, 56–111 For, 112–167 Abstain (56 bits each: a tally above
/// 2^56 − 1 reverts), bits 168–254 reserved for extensions (`_afterVote`), bit 255 set when the
/// proposal is canceled (so a governor can tell an open vote from the word alone).
abstract contract GovernorCountingPacked is Governor {
    /// @notice How a vote is counted (GovernorBravo-compatible support values).
    enum VoteType {
        Against,
        For,
        Abstain
    }

    uint256 private constant TALLY_BITS = 56;
    uint256 private constant TALLY_MASK = (1 << 56) - 1;
    /// @dev First bit extensions may use in the tally word (up to bit 254).
    uint256 internal constant EXTENSION_SHIFT = 168;
    /// @dev Set in the tally word of a canceled proposal.
    uint256 internal constant CANCELED_BIT = 1 << 255;

    mapping(uint256 proposalId => uint256 word) private _tallies;
    mapping(uint256 proposalId => mapping(address voter => bool)) private _hasVoted;

    /// @notice A tally would exceed 2^56 − 1 votes.
    error GovernorTallyOverflow(uint256 proposalId);

    /// @inheritdoc IGovernor
    // solhint-disable-next-line func-name-mixedcase
    function COUNTING_MODE() public pure virtual override returns (string memory) {
        return "support=bravo&quorum=for,abstain";
    }

    /// @inheritdoc IGovernor
    function hasVoted(uint256 proposalId, address account) public view virtual override returns (bool) {
        return _hasVoted[proposalId][account];
    }

    /// @notice The tallies of a proposal.
    /// @param proposalId The proposal.
    function proposalVotes(uint256 proposalId)
        public
        view
        virtual
        returns (uint256 againstVotes, uint256 forVotes, uint256 abstainVotes)
    {
        uint256 word = _tallies[proposalId];
        return (word & TALLY_MASK, (word >> TALLY_BITS) & TALLY_MASK, (word >> (2 * TALLY_BITS)) & TALLY_MASK);
    }

    /// @inheritdoc Governor
    function _quorumReached(uint256 proposalId) internal view virtual override returns (bool) {
        return quorum(proposalSnapshot(proposalId)) <= _quorumVotes(_tallies[proposalId]);
    }

    /// @inheritdoc Governor
    function _voteSucceeded(uint256 proposalId) internal view virtual override returns (bool) {
        uint256 word = _tallies[proposalId];
        return ((word >> TALLY_BITS) & TALLY_MASK) > (word & TALLY_MASK);
    }

    /// @inheritdoc Governor
    function _countVote(uint256 proposalId, address account, uint8 support, uint256 totalWeight, bytes memory)
        internal
        virtual
        override
        returns (uint256)
    {
        mapping(address => bool) storage voted = _hasVoted[proposalId];
        if (voted[account]) revert GovernorAlreadyCastVote(account);
        voted[account] = true;
        if (support > uint8(VoteType.Abstain)) revert GovernorInvalidVoteType();

        if (totalWeight > TALLY_MASK) revert GovernorTallyOverflow(proposalId);
        uint256 before = _tallies[proposalId];
        uint256 word;
        unchecked {
            uint256 shift = uint256(support) * TALLY_BITS;
            uint256 tally = ((before >> shift) & TALLY_MASK) + totalWeight; // < 2^57
            if (tally > TALLY_MASK) revert GovernorTallyOverflow(proposalId);
            word = (before & ~(TALLY_MASK << shift)) | (tally << shift);
        }
        _tallies[proposalId] = _afterVote(proposalId, before, word);
        return totalWeight;
    }

    /// @dev Called by `_countVote` with the tally word before and after this vote; returns the
    /// word to store (an extension may set its reserved bits, from EXTENSION_SHIFT up).
    function _afterVote(uint256, uint256, uint256 word) internal virtual returns (uint256) {
        return word;
    }

    /// @dev The tally word of `proposalId`.
    function _tallyWord(uint256 proposalId) internal view returns (uint256) {
        return _tallies[proposalId];
    }

    /// @dev Records in the tally word that `proposalId` was canceled.
    function _markCanceled(uint256 proposalId) internal {
        _tallies[proposalId] |= CANCELED_BIT;
    }

    /// @dev For + Abstain in a tally word.
    function _quorumVotes(uint256 word) internal pure returns (uint256) {
        return ((word >> TALLY_BITS) & TALLY_MASK) + ((word >> (2 * TALLY_BITS)) & TALLY_MASK);
    }
}
