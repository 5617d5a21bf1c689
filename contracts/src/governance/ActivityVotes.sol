// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC5805} from "@openzeppelin/contracts/interfaces/IERC5805.sol";

/// @title ActivityVotes
/// @notice The democracy's votes: activity points, credited by the modules of the Open Source
/// Organization for real work (settled orders, for both sides; ratings given; coherent jury duty),
/// counted over a trailing window of completed periods. An ERC-5805 votes source on a timestamp
/// clock (ERC-6372 `mode=timestamp`); points cannot be transferred or delegated — every account is
/// its own delegate, automatically.
///
/// Time is cut into periods of `PERIOD_LENGTH` seconds (period `p` = `[p·L, (p+1)·L)` in unix
/// time). Points credited now land in the current period. The weight at a timepoint `t` is the sum
/// of the points earned in the `WINDOW` completed periods before the period containing `t`:
///   weight(account, t) = Σ points(account, q) for q in [period(t) − WINDOW, period(t) − 1]
/// and the total supply at `t` is the same sum over every account. So the weight a governor reads
/// at a proposal's snapshot was fixed before the snapshot's period began: activity gained after
/// the snapshot (or in its period) counts for nothing, and activity older than the window has
/// expired. `getVotes(account)` is the weight now.
///
/// Only holders of CREDITOR_ROLE (the modules) credit points; the timelock, as DEFAULT_ADMIN_ROLE,
/// grants and revokes it.
///
/// @dev Storage, sized so that a governor's `castVote` reads one or two slots:
/// - per account, 8 periods per slot (32-bit lanes, period `p` in slot `p >> 3`, lane `p & 7`),
///   keyed by `account << 96 | slot` (one hash per read); a window of at most 8 periods spans
///   at most two slots (a window of 4 spans two for 3 periods in 8). A lane saturates at
///   2^32 − 1 points: crediting never reverts for an overflow, the excess is dropped.
/// - totals, 4 periods per slot (64-bit lanes); a total grows by exactly what its accounts'
///   lanes grew, so it is always the sum of the accounts' points.
/// ERC-5805 note: weights change when periods roll over, without any transaction, so no
/// `DelegateVotesChanged` is emitted (and no `DelegateChanged`: delegation is implicit); indexers
/// follow `ActivityCredited` and compute windows with `windowOf`.
/// Not upgradeable, and the period length and window are immutable: the weights must mean the same
/// thing for the whole life of the governor that reads them (another rule, another contract).
contract ActivityVotes is AccessControl, IERC5805 {
    /// @notice May credit activity points (the modules).
    bytes32 public constant CREDITOR_ROLE = keccak256("CREDITOR_ROLE");
    /// @notice Longest window, in periods.
    uint256 public constant MAX_WINDOW = 8;
    /// @notice Shortest period.
    uint256 public constant MIN_PERIOD_LENGTH = 1 hours;
    /// @notice Longest period.
    uint256 public constant MAX_PERIOD_LENGTH = 365 days;

    uint256 private constant LANE32 = 0xffffffff;
    uint256 private constant LANE64 = 0xffffffffffffffff;

    /// @notice Length of a period, in seconds.
    uint256 public immutable PERIOD_LENGTH;
    /// @notice Number of completed periods counted.
    uint256 public immutable WINDOW;

    mapping(uint256 accountSlot => uint256 lanes) private _points;
    mapping(uint256 slot => uint256 lanes) private _totals;

    /// @notice `creditor` credited `points` to `account` in `period` (after saturation).
    event ActivityCredited(address indexed account, uint256 indexed period, uint256 points, address indexed creditor);

    /// @notice A lookup at or after the current timepoint.
    error ERC5805FutureLookup(uint256 timepoint, uint48 clock);
    /// @notice Activity cannot be delegated: every account votes for itself.
    error ActivityNotDelegable();
    /// @notice The zero address where an account is needed.
    error ZeroAddress();
    /// @notice A period length outside [MIN_PERIOD_LENGTH, MAX_PERIOD_LENGTH].
    error InvalidPeriodLength(uint256 periodLength);
    /// @notice A window of zero or above MAX_WINDOW periods.
    error InvalidWindow(uint256 window);

    /// @param admin Holder of DEFAULT_ADMIN_ROLE (the timelock), who grants CREDITOR_ROLE.
    /// @param periodLength Seconds per period.
    /// @param window Completed periods counted, 1..MAX_WINDOW.
    constructor(address admin, uint256 periodLength, uint256 window) {
        if (admin == address(0)) revert ZeroAddress();
        if (periodLength < MIN_PERIOD_LENGTH || periodLength > MAX_PERIOD_LENGTH) {
            revert InvalidPeriodLength(periodLength);
        }
        if (window == 0 || window > MAX_WINDOW) revert InvalidWindow(window);
        PERIOD_LENGTH = periodLength;
        WINDOW = window;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    // ─────────────────────────────── Crediting ───────────────────────────────

    /// @notice Credit `points` of activity to `account` in the current period. Only CREDITOR_ROLE.
    /// Zero points do nothing.
    /// @param account Who did the work.
    /// @param points Activity points.
    function credit(address account, uint256 points) external onlyRole(CREDITOR_ROLE) {
        if (points == 0) return;
        uint256 period = block.timestamp / PERIOD_LENGTH;
        _addTotal(period, _addPoints(account, period, points));
    }

    /// @notice Credit `points` to each of two accounts (both sides of a settled order) in the
    /// current period. Only CREDITOR_ROLE. Zero points do nothing.
    /// @param first One account.
    /// @param second The other account.
    /// @param points Activity points for each.
    function creditBoth(address first, address second, uint256 points) external onlyRole(CREDITOR_ROLE) {
        if (points == 0) return;
        uint256 period = block.timestamp / PERIOD_LENGTH;
        _addTotal(period, _addPoints(first, period, points) + _addPoints(second, period, points));
    }

    // ─────────────────────────────── ERC-5805 ───────────────────────────────

    /// @notice ERC-6372 clock: the block timestamp.
    function clock() public view returns (uint48) {
        return uint48(block.timestamp);
    }

    /// @notice ERC-6372 clock mode: timestamps.
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() external pure returns (string memory) {
        return "mode=timestamp";
    }

    /// @notice `account`'s weight now: its points in the WINDOW completed periods before this one.
    /// @param account Who.
    function getVotes(address account) external view returns (uint256) {
        return _weight(account, block.timestamp);
    }

    /// @notice `account`'s weight at `timepoint`: its points in the WINDOW completed periods
    /// before the period containing `timepoint`.
    /// @param account Who.
    /// @param timepoint A past timestamp.
    function getPastVotes(address account, uint256 timepoint) external view returns (uint256) {
        _checkPast(timepoint);
        return _weight(account, timepoint);
    }

    /// @notice Everyone's points in the WINDOW completed periods before the period containing
    /// `timepoint` (the sum of every account's weight at `timepoint`).
    /// @param timepoint A past timestamp.
    function getPastTotalSupply(uint256 timepoint) external view returns (uint256) {
        _checkPast(timepoint);
        return _windowTotal(timepoint);
    }

    /// @notice Everyone's weight now.
    function getTotalVotes() external view returns (uint256) {
        return _windowTotal(block.timestamp);
    }

    /// @notice Every account is its own delegate.
    /// @param account Who.
    function delegates(address account) external pure returns (address) {
        return account;
    }

    /// @notice Delegating to oneself is a no-op (it is already so); anything else reverts.
    /// @param delegatee Must be the caller.
    function delegate(address delegatee) external view {
        if (delegatee != msg.sender) revert ActivityNotDelegable();
    }

    /// @notice Always reverts: activity cannot be delegated.
    function delegateBySig(address, uint256, uint256, uint8, bytes32, bytes32) external pure {
        revert ActivityNotDelegable();
    }

    // ──────────────────────────────── Reads ────────────────────────────────

    /// @notice The period containing `timestamp`.
    /// @param timestamp Unix seconds.
    function periodOf(uint256 timestamp) public view returns (uint256) {
        return timestamp / PERIOD_LENGTH;
    }

    /// @notice The periods counted for a weight at `timepoint`, `[first, last]`; `count` zero
    /// when none is (timepoint in period 0).
    /// @param timepoint Unix seconds.
    function windowOf(uint256 timepoint) public view returns (uint256 first, uint256 last, uint256 count) {
        uint256 period = timepoint / PERIOD_LENGTH;
        if (period == 0) return (0, 0, 0);
        last = period - 1;
        first = period > WINDOW ? period - WINDOW : 0;
        count = last - first + 1;
    }

    /// @notice Points `account` earned in `period`.
    /// @param account Who.
    /// @param period The period.
    function pointsIn(address account, uint256 period) external view returns (uint256) {
        return (_points[_key(account, period >> 3)] >> ((period & 7) << 5)) & LANE32;
    }

    /// @notice Points everyone earned in `period`.
    /// @param period The period.
    function totalIn(uint256 period) external view returns (uint256) {
        return (_totals[period >> 2] >> ((period & 3) << 6)) & LANE64;
    }

    // ─────────────────────────────── Internals ───────────────────────────────

    /// Adds up to `points` to `account`'s lane of `period` (saturating); returns what was added.
    function _addPoints(address account, uint256 period, uint256 points) private returns (uint256 added) {
        if (account == address(0)) revert ZeroAddress();
        uint256 key = _key(account, period >> 3);
        uint256 shift = (period & 7) << 5;
        uint256 word = _points[key];
        added = LANE32 - ((word >> shift) & LANE32);
        if (points < added) added = points;
        if (added != 0) _points[key] = word + (added << shift);
        emit ActivityCredited(account, period, added, msg.sender);
    }

    /// Adds `points` to the total of `period` (cannot overflow: a total is a sum of 32-bit lanes).
    function _addTotal(uint256 period, uint256 points) private {
        if (points == 0) return;
        uint256 slot = period >> 2;
        _totals[slot] += points << ((period & 3) << 6);
    }

    /// Sum of `account`'s lanes over the window of `timepoint`: one or two slot reads.
    function _weight(address account, uint256 timepoint) private view returns (uint256) {
        uint256 period = timepoint / PERIOD_LENGTH;
        if (period == 0) return 0;
        unchecked {
            uint256 last = period - 1;
            uint256 first = period > WINDOW ? period - WINDOW : 0;
            uint256 lastSlot = last >> 3;
            // Keep the lanes up to `last` in its slot (all eight when `last` is the slot's last lane).
            uint256 upper = _points[_key(account, lastSlot)];
            uint256 keepBits = ((last & 7) + 1) << 5;
            if (keepBits < 256) upper &= (1 << keepBits) - 1;
            uint256 firstSlot = first >> 3;
            uint256 fromBits = (first & 7) << 5;
            if (firstSlot == lastSlot) return _sum32(upper >> fromBits);
            return _sum32(upper) + _sum32(_points[_key(account, firstSlot)] >> fromBits);
        }
    }

    /// The storage key of `account`'s lanes in slot `slot` (slot = period >> 3 < 2^96).
    function _key(address account, uint256 slot) private pure returns (uint256) {
        return (uint256(uint160(account)) << 96) | slot;
    }

    /// Everyone's points over the window of `timepoint`: up to three slot reads (a window of 8
    /// periods over 4-period slots).
    function _windowTotal(uint256 timepoint) private view returns (uint256 total) {
        uint256 period = timepoint / PERIOD_LENGTH;
        if (period == 0) return 0;
        uint256 last = period - 1;
        uint256 first = period > WINDOW ? period - WINDOW : 0;
        uint256 lastSlot = last >> 2;
        for (uint256 slot = first >> 2; slot <= lastSlot; ++slot) {
            uint256 word = _totals[slot];
            if (slot == lastSlot) {
                uint256 keepBits = ((last & 3) + 1) << 6;
                if (keepBits < 256) word &= (1 << keepBits) - 1;
            }
            if (slot == first >> 2) word >>= (first & 3) << 6;
            total += _sum64(word);
        }
    }

    /// Sum of the eight 32-bit lanes of `x` (pairwise: 4 × 64-bit, 2 × 128-bit, then 1).
    function _sum32(uint256 x) private pure returns (uint256) {
        unchecked {
            x = (x & 0x00000000ffffffff00000000ffffffff00000000ffffffff00000000ffffffff)
                + ((x >> 32) & 0x00000000ffffffff00000000ffffffff00000000ffffffff00000000ffffffff);
            x = (x & 0x0000000000000000ffffffffffffffff0000000000000000ffffffffffffffff)
                + ((x >> 64) & 0x0000000000000000ffffffffffffffff0000000000000000ffffffffffffffff);
            return (x & type(uint128).max) + (x >> 128);
        }
    }

    /// Sum of the four 64-bit lanes of `x`.
    function _sum64(uint256 x) private pure returns (uint256) {
        unchecked {
            x = (x & 0x0000000000000000ffffffffffffffff0000000000000000ffffffffffffffff)
                + ((x >> 64) & 0x0000000000000000ffffffffffffffff0000000000000000ffffffffffffffff);
            return (x & type(uint128).max) + (x >> 128);
        }
    }

    function _checkPast(uint256 timepoint) private view {
        if (timepoint >= block.timestamp) revert ERC5805FutureLookup(timepoint, uint48(block.timestamp));
    }
}
