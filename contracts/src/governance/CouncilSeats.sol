// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IERC5805} from "@openzeppelin/contracts/interfaces/IERC5805.sol";
import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Time} from "@openzeppelin/contracts/utils/types/Time.sol";

/// @title CouncilSeats
/// @notice The council's seats as an ERC-5805 votes source: one seat, one vote. A seat cannot be
/// transferred or delegated — every member is its own delegate — and only the timelock admits and
/// discharges members (in the council regime, by council proposals), within a seat limit that
/// the timelock sets. The council is never emptied: the last member cannot be discharged.
///
/// History is checkpointed on a timestamp clock (ERC-6372 `mode=timestamp`): `getPastVotes` is 1
/// for a member whose seat covered the timepoint, `getPastTotalSupply` the number of seats taken
/// at the timepoint. A member admitted at time `a` and discharged at `d` holds the seat over
/// `[a, d)`; the value at a timepoint includes changes made at that very second.
///
/// @dev Each member is one storage slot holding its latest term, so the vote weight a governor
/// reads on every `castVote` costs one SLOAD; earlier terms of a member admitted more than once
/// are kept aside and read only for timepoints before the latest admission. The seat count is an
/// OpenZeppelin Checkpoints trace. Emits the IVotes events a standard indexer follows:
/// `DelegateChanged(member, 0, member)` at a first admission and `DelegateVotesChanged` at every
/// admission (0 → 1) and discharge (1 → 0).
contract CouncilSeats is IERC5805 {
    using Checkpoints for Checkpoints.Trace208;
    using EnumerableSet for EnumerableSet.AddressSet;

    /// @notice Highest seat limit governance may set.
    uint256 public constant MAX_SEATS = 100;

    /// @notice A period of membership `[since, until)`; `until` zero while sitting.
    struct Term {
        uint48 since;
        uint48 until;
    }

    /// @notice A member's latest term and how many terms it has had (one slot).
    struct Member {
        uint48 since;
        uint48 until;
        uint32 terms;
    }

    address private immutable _timelock;

    mapping(address account => Member) private _members;
    mapping(address account => mapping(uint256 index => Term)) private _earlierTerms;
    Checkpoints.Trace208 private _seatCount;
    EnumerableSet.AddressSet private _sitting;
    uint256 private _seatLimit;

    /// @notice `member` took a seat.
    event MemberAdmitted(address indexed member);
    /// @notice `member` lost its seat.
    event MemberDischarged(address indexed member);
    /// @notice Governance set the seat limit.
    event SeatLimitSet(uint256 seatLimit);

    /// @notice Only the timelock may do this.
    error OnlyTimelock(address caller);
    /// @notice `account` already holds a seat.
    error AlreadyMember(address account);
    /// @notice `account` holds no seat.
    error NotMember(address account);
    /// @notice Every seat is taken.
    error SeatLimitReached(uint256 seatLimit);
    /// @notice A seat limit of zero, above MAX_SEATS or below the seats taken.
    error InvalidSeatLimit(uint256 seatLimit);
    /// @notice The last member cannot be discharged.
    error LastMember(address member);
    /// @notice The zero address where an account is needed.
    error ZeroAddress();
    /// @notice Seats cannot be delegated: every member votes for itself.
    error SeatsNotDelegable();
    /// @notice A lookup at or after the current timepoint.
    error ERC5805FutureLookup(uint256 timepoint, uint48 clock);

    modifier onlyTimelock() {
        if (msg.sender != _timelock) revert OnlyTimelock(msg.sender);
        _;
    }

    /// @param timelock_ The Constitution (the only account that admits and discharges).
    /// @param members_ The founding members, at least one.
    /// @param seatLimit_ Most seats, 1..MAX_SEATS, at least the founding members.
    constructor(address timelock_, address[] memory members_, uint256 seatLimit_) {
        if (timelock_ == address(0)) revert ZeroAddress();
        if (seatLimit_ == 0 || seatLimit_ > MAX_SEATS || members_.length > seatLimit_ || members_.length == 0) {
            revert InvalidSeatLimit(seatLimit_);
        }
        _timelock = timelock_;
        _seatLimit = seatLimit_;
        emit SeatLimitSet(seatLimit_);
        for (uint256 i; i < members_.length; ++i) {
            _admit(members_[i]);
        }
    }

    // ─────────────────────────────── Governance ───────────────────────────────

    /// @notice Give `account` a seat. Only the timelock; a seat must be free.
    /// @param account The new member.
    function admit(address account) external onlyTimelock {
        _admit(account);
    }

    /// @notice Take `account`'s seat away. Only the timelock; not the last member.
    /// @param account The member.
    function discharge(address account) external onlyTimelock {
        if (!_sitting.remove(account)) revert NotMember(account);
        if (_sitting.length() == 0) revert LastMember(account);
        _members[account].until = Time.timestamp();
        _pushSeatCount();
        emit MemberDischarged(account);
        emit DelegateVotesChanged(account, 1, 0);
    }

    /// @notice Set the most seats. Only the timelock.
    /// @param seatLimit_ 1..MAX_SEATS, at least the seats taken now.
    function setSeatLimit(uint256 seatLimit_) external onlyTimelock {
        if (seatLimit_ == 0 || seatLimit_ > MAX_SEATS || seatLimit_ < _sitting.length()) {
            revert InvalidSeatLimit(seatLimit_);
        }
        _seatLimit = seatLimit_;
        emit SeatLimitSet(seatLimit_);
    }

    // ──────────────────────────────── Council ────────────────────────────────

    /// @notice Whether `account` holds a seat now.
    /// @param account Who.
    function isMember(address account) public view returns (bool) {
        return _sitting.contains(account);
    }

    /// @notice The members, in no particular order (at most MAX_SEATS).
    function members() external view returns (address[] memory) {
        return _sitting.values();
    }

    /// @notice Seats taken now.
    function seatCount() external view returns (uint256) {
        return _sitting.length();
    }

    /// @notice Most seats.
    function seatLimit() external view returns (uint256) {
        return _seatLimit;
    }

    /// @notice `account`'s latest term (zeros if never a member; `until` zero while sitting) and
    /// how many terms it has had.
    /// @param account Who.
    function memberOf(address account) external view returns (Member memory) {
        return _members[account];
    }

    /// @notice The timelock that admits and discharges.
    function timelock() external view returns (address) {
        return _timelock;
    }

    // ─────────────────────────────── ERC-5805 ───────────────────────────────

    /// @notice ERC-6372 clock: the block timestamp.
    function clock() public view returns (uint48) {
        return Time.timestamp();
    }

    /// @notice ERC-6372 clock mode: timestamps.
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() external pure returns (string memory) {
        return "mode=timestamp";
    }

    /// @notice 1 for a member, 0 otherwise.
    /// @param account Who.
    function getVotes(address account) external view returns (uint256) {
        return isMember(account) ? 1 : 0;
    }

    /// @notice 1 if `account` held a seat at `timepoint`, 0 otherwise.
    /// @param account Who.
    /// @param timepoint A past timestamp.
    function getPastVotes(address account, uint256 timepoint) external view returns (uint256) {
        uint48 key = _pastKey(timepoint);
        Member memory m = _members[account];
        if (m.since <= key) return m.since != 0 && (m.until == 0 || key < m.until) ? 1 : 0;
        // Before the latest admission: look through the earlier terms, newest first.
        mapping(uint256 => Term) storage earlier = _earlierTerms[account];
        for (uint256 i = m.terms - 1; i > 0; --i) {
            Term memory t = earlier[i - 1];
            if (t.since <= key) return key < t.until ? 1 : 0;
        }
        return 0;
    }

    /// @notice Seats taken at `timepoint`.
    /// @param timepoint A past timestamp.
    function getPastTotalSupply(uint256 timepoint) external view returns (uint256) {
        return _seatCount.upperLookupRecent(_pastKey(timepoint));
    }

    /// @notice Every account is its own delegate.
    /// @param account Who.
    function delegates(address account) external pure returns (address) {
        return account;
    }

    /// @notice Delegating to oneself is a no-op (it is already so); anything else reverts.
    /// @param delegatee Must be the caller.
    function delegate(address delegatee) external view {
        if (delegatee != msg.sender) revert SeatsNotDelegable();
    }

    /// @notice Always reverts: seats cannot be delegated.
    function delegateBySig(address, uint256, uint256, uint8, bytes32, bytes32) external pure {
        revert SeatsNotDelegable();
    }

    // ─────────────────────────────── Internals ───────────────────────────────

    function _admit(address account) private {
        if (account == address(0)) revert ZeroAddress();
        if (!_sitting.add(account)) revert AlreadyMember(account);
        uint256 limit = _seatLimit;
        if (_sitting.length() > limit) revert SeatLimitReached(limit);
        Member memory m = _members[account];
        if (m.terms != 0) {
            _earlierTerms[account][m.terms - 1] = Term(m.since, m.until);
        } else {
            emit DelegateChanged(account, address(0), account);
        }
        _members[account] = Member(Time.timestamp(), 0, m.terms + 1);
        _pushSeatCount();
        emit MemberAdmitted(account);
        emit DelegateVotesChanged(account, 0, 1);
    }

    function _pushSeatCount() private {
        _seatCount.push(Time.timestamp(), SafeCast.toUint208(_sitting.length()));
    }

    function _pastKey(uint256 timepoint) private view returns (uint48) {
        uint48 now_ = clock();
        if (timepoint >= now_) revert ERC5805FutureLookup(timepoint, now_);
        return uint48(timepoint);
    }
}
