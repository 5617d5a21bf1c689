// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {ActivityVotes} from "./ActivityVotes.sol";
import {IMarketplace} from "../interfaces/IMarketplace.sol";
import {DisputeCourt} from "../DisputeCourt.sol";

/// @notice What the creditor reads from Reputation.
interface IRatingRecord {
    /// @notice Whether `orderId` has been rated (only its buyer can rate it).
    function hasRated(uint256 orderId) external view returns (bool);
}

/// @title ActivityCreditor
/// @notice Turns work recorded by the modules into the democracy's activity points, once per piece
/// of work, for anyone who asks: a settled order earns both sides `ORDER_POINTS`, a rating earns
/// its buyer `RATING_POINTS`, a coherent jury seat earns its juror `JURY_POINTS_PER_SEAT`.
/// It holds ActivityVotes' CREDITOR_ROLE and nothing else; every credit is checked against the
/// modules' own records, so calling it is permissionless (the keeper agent does it within seconds,
/// anyone may do it for themselves).
///
/// Why not credit inside settlement: `accept`/`release` would pay two more account slots and a
/// total (≈ 25–60k gas, over the Marketplace's settlement budget), and the court's settlement would
/// loop over jurors. Crediting afterwards keeps those paths as they are; points land in the period
/// in which they are credited, so they never change a weight that a snapshot already fixed.
///
/// Which work counts: an order in state Settled (accepted by the buyer or released after the review
/// window — not refunded, cancelled or decided by the court); a rating recorded by Reputation; a
/// juror's seats in a settled round in which it revealed the round's winning choice (rounds with
/// no winning choice earn nothing, as in the court's rewards).
/// @dev Not upgradeable: a new rule is a new creditor, granted CREDITOR_ROLE by the timelock (and
/// this one revoked). Its bitmaps start empty, so the timelock must not let two creditors with
/// overlapping rules hold the role at once.
contract ActivityCreditor {
    /// @notice Points for each side of a settled order.
    uint256 public constant ORDER_POINTS = 10;
    /// @notice Points for the buyer who rated an order.
    uint256 public constant RATING_POINTS = 2;
    /// @notice Points per coherent seat of jury duty.
    uint256 public constant JURY_POINTS_PER_SEAT = 5;

    /// @notice The votes source credited.
    ActivityVotes public immutable ACTIVITY;
    /// @notice Where orders are recorded.
    IMarketplace public immutable MARKETPLACE;
    /// @notice Where ratings are recorded.
    IRatingRecord public immutable REPUTATION;
    /// @notice Where jury duty is recorded.
    DisputeCourt public immutable COURT;

    /// @notice One piece of jury duty: `juror`'s seats in `round` of `disputeId`.
    struct JuryDuty {
        uint256 disputeId;
        uint256 round;
        address juror;
    }

    /// Bit `2·orderId` = the order was credited, bit `2·orderId + 1` = its rating was.
    mapping(uint256 word => uint256 bits) private _orderBits;
    mapping(bytes32 duty => bool) private _juryCredited;

    /// @notice Both sides of settled `orderId` were credited `points` each.
    event OrderActivityCredited(uint256 indexed orderId, address indexed buyer, address indexed seller, uint256 points);
    /// @notice `rater` was credited `points` for rating `orderId`.
    event RatingActivityCredited(uint256 indexed orderId, address indexed rater, uint256 points);
    /// @notice `juror` was credited `points` for coherent seats in `round` of `disputeId`.
    event JuryActivityCredited(uint256 indexed disputeId, uint256 indexed round, address indexed juror, uint256 points);

    /// @notice The order is not Settled (yet, or it ended otherwise).
    error OrderNotSettled(uint256 orderId);
    /// @notice The order has no rating.
    error OrderNotRated(uint256 orderId);
    /// @notice The juror held no coherent seat in that settled round.
    error NotCoherentJuror(uint256 disputeId, uint256 round, address juror);
    /// @notice This piece of work was credited already.
    error AlreadyCredited();
    /// @notice The zero address where a module is needed.
    error ZeroAddress();

    /// @param activity The ActivityVotes to credit (grant this contract its CREDITOR_ROLE).
    /// @param marketplace The Marketplace proxy.
    /// @param reputation The Reputation proxy.
    /// @param court The DisputeCourt proxy.
    constructor(ActivityVotes activity, IMarketplace marketplace, IRatingRecord reputation, DisputeCourt court) {
        if (
            address(activity) == address(0) || address(marketplace) == address(0) || address(reputation) == address(0)
                || address(court) == address(0)
        ) revert ZeroAddress();
        ACTIVITY = activity;
        MARKETPLACE = marketplace;
        REPUTATION = reputation;
        COURT = court;
    }

    // ─────────────────────────────── Crediting ───────────────────────────────

    /// @notice Credit both sides of settled `orderId`. Anyone may call.
    /// @param orderId The Marketplace order.
    function creditOrder(uint256 orderId) external {
        if (_orderCredited(orderId)) revert AlreadyCredited();
        if (!_tryCreditOrder(orderId)) revert OrderNotSettled(orderId);
    }

    /// @notice Credit the buyer who rated `orderId`. Anyone may call.
    /// @param orderId The rated order.
    function creditRating(uint256 orderId) external {
        if (_ratingCredited(orderId)) revert AlreadyCredited();
        if (!_tryCreditRating(orderId)) revert OrderNotRated(orderId);
    }

    /// @notice Credit `juror`'s coherent seats in settled `round` of `disputeId`. Anyone may call.
    /// @param disputeId The court's dispute.
    /// @param round The round (0-based).
    /// @param juror The juror.
    function creditJuryDuty(uint256 disputeId, uint256 round, address juror) external {
        if (_juryCredited[_dutyKey(disputeId, round, juror)]) revert AlreadyCredited();
        if (!_tryCreditJuryDuty(disputeId, round, juror)) revert NotCoherentJuror(disputeId, round, juror);
    }

    /// @notice Credit every eligible piece of work in the lists, skipping (without reverting) what
    /// is not eligible or was credited already — for keepers that batch.
    /// @param orderIds Orders whose sides to credit.
    /// @param ratedOrderIds Orders whose ratings to credit.
    /// @param duties Jury duties to credit.
    /// @return credited How many pieces of work were credited.
    function creditAll(uint256[] calldata orderIds, uint256[] calldata ratedOrderIds, JuryDuty[] calldata duties)
        external
        returns (uint256 credited)
    {
        for (uint256 i; i < orderIds.length; ++i) {
            if (!_orderCredited(orderIds[i]) && _tryCreditOrder(orderIds[i])) ++credited;
        }
        for (uint256 i; i < ratedOrderIds.length; ++i) {
            if (!_ratingCredited(ratedOrderIds[i]) && _tryCreditRating(ratedOrderIds[i])) ++credited;
        }
        for (uint256 i; i < duties.length; ++i) {
            JuryDuty calldata duty = duties[i];
            if (!_juryCredited[_dutyKey(duty.disputeId, duty.round, duty.juror)]) {
                if (_tryCreditJuryDuty(duty.disputeId, duty.round, duty.juror)) ++credited;
            }
        }
    }

    // ──────────────────────────────── Reads ────────────────────────────────

    /// @notice Whether the sides of `orderId` were credited.
    /// @param orderId The order.
    function isOrderCredited(uint256 orderId) external view returns (bool) {
        return _orderCredited(orderId);
    }

    /// @notice Whether the rating of `orderId` was credited.
    /// @param orderId The order.
    function isRatingCredited(uint256 orderId) external view returns (bool) {
        return _ratingCredited(orderId);
    }

    /// @notice Whether `juror`'s duty in `round` of `disputeId` was credited.
    /// @param disputeId The dispute.
    /// @param round The round.
    /// @param juror The juror.
    function isJuryDutyCredited(uint256 disputeId, uint256 round, address juror) external view returns (bool) {
        return _juryCredited[_dutyKey(disputeId, round, juror)];
    }

    /// @notice For each order, bit 0 = its sides were credited, bit 1 = its rating was (one call
    /// for a page of orders).
    /// @param orderIds The orders.
    function creditedFlags(uint256[] calldata orderIds) external view returns (uint8[] memory flags) {
        flags = new uint8[](orderIds.length);
        for (uint256 i; i < orderIds.length; ++i) {
            uint256 id = orderIds[i];
            flags[i] = uint8((_orderCredited(id) ? 1 : 0) | (_ratingCredited(id) ? 2 : 0));
        }
    }

    // ─────────────────────────────── Internals ───────────────────────────────

    function _tryCreditOrder(uint256 orderId) private returns (bool) {
        IMarketplace.Order memory o = MARKETPLACE.getOrder(orderId);
        if (o.state != IMarketplace.OrderState.Settled) return false;
        _setOrderBit(orderId << 1);
        ACTIVITY.creditBoth(o.buyer, o.seller, ORDER_POINTS);
        emit OrderActivityCredited(orderId, o.buyer, o.seller, ORDER_POINTS);
        return true;
    }

    function _tryCreditRating(uint256 orderId) private returns (bool) {
        if (!REPUTATION.hasRated(orderId)) return false;
        address rater = MARKETPLACE.getOrder(orderId).buyer;
        _setOrderBit((orderId << 1) | 1);
        ACTIVITY.credit(rater, RATING_POINTS);
        emit RatingActivityCredited(orderId, rater, RATING_POINTS);
        return true;
    }

    function _tryCreditJuryDuty(uint256 disputeId, uint256 round, address juror) private returns (bool) {
        if (disputeId == 0 || disputeId > COURT.disputeCount()) return false;
        DisputeCourt.BallotView memory ballot = COURT.getJurorVote(disputeId, round, juror);
        if (ballot.seats == 0 || !ballot.revealed) return false;
        DisputeCourt.RoundView memory r = COURT.getRound(disputeId, round);
        if (!r.settled || r.ruling == 0 || ballot.choice != r.ruling) return false;
        _juryCredited[_dutyKey(disputeId, round, juror)] = true;
        uint256 points = JURY_POINTS_PER_SEAT * ballot.seats;
        ACTIVITY.credit(juror, points);
        emit JuryActivityCredited(disputeId, round, juror, points);
        return true;
    }

    function _orderCredited(uint256 orderId) private view returns (bool) {
        return _bit(orderId << 1);
    }

    function _ratingCredited(uint256 orderId) private view returns (bool) {
        return _bit((orderId << 1) | 1);
    }

    function _bit(uint256 index) private view returns (bool) {
        return _orderBits[index >> 8] & (1 << (index & 0xff)) != 0;
    }

    function _setOrderBit(uint256 index) private {
        _orderBits[index >> 8] |= 1 << (index & 0xff);
    }

    function _dutyKey(uint256 disputeId, uint256 round, address juror) private pure returns (bytes32) {
        return keccak256(abi.encode(disputeId, round, juror));
    }
}
