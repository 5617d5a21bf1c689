// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {DisputeCourt} from "../src/DisputeCourt.sol";
import {IArbitrator} from "../src/interfaces/IArbitrator.sol";
import {IMarketplace} from "../src/interfaces/IMarketplace.sol";
import {DisputeCourtTestBase} from "./utils/DisputeCourtTestBase.sol";

contract DisputeCourtTest is DisputeCourtTestBase {
    function setUp() public {
        _deployCourtDefault();
        _bench(5, MIN_STAKE);
    }

    // ───────────────────────────── lifecycle ─────────────────────────────

    function test_lifecycle_rulingForBuyerRefundsAndRewardsCoherentJurors() public {
        (uint256 orderId, uint256 disputeId) = _openDispute();
        assertEq(disputeId, 1);
        assertEq(courtProxy.disputeCount(), 1);
        assertEq(uint8(courtProxy.disputeStatus(disputeId)), uint8(IArbitrator.DisputeStatus.Waiting));
        _assertPeriod(disputeId, DisputeCourt.Period.Evidence);
        assertEq(courtProxy.heldFees(), 3 * FEE_PER_SEAT);

        _advance(disputeId); // draw
        _assertPeriod(disputeId, DisputeCourt.Period.Commit);
        DisputeCourt.RoundView memory r = courtProxy.getRound(disputeId, 0);
        assertEq(r.seats, 3);
        uint256 seats;
        for (uint256 i; i < r.ballots.length; ++i) {
            seats += r.ballots[i].seats;
            assertEq(r.ballots[i].locked, LOCK_PER_SEAT * r.ballots[i].seats);
            assertEq(courtProxy.jurorOf(r.ballots[i].juror).locked, LOCK_PER_SEAT * r.ballots[i].seats);
        }
        assertEq(seats, 3);

        _voteAll(disputeId, 1);
        _assertPeriod(disputeId, DisputeCourt.Period.Appeal);
        assertEq(courtProxy.currentRuling(disputeId), 1);
        assertEq(uint8(courtProxy.disputeStatus(disputeId)), uint8(IArbitrator.DisputeStatus.Appealable));

        _advance(disputeId); // appeal window over: executed
        _assertPeriod(disputeId, DisputeCourt.Period.Executed);
        assertEq(uint8(courtProxy.disputeStatus(disputeId)), uint8(IArbitrator.DisputeStatus.Solved));
        _assertState(orderId, IMarketplace.OrderState.Ruled);
        assertEq(uint8(market.getOrder(orderId).ruling), uint8(IMarketplace.Ruling.Buyer));
        assertEq(market.creditOf(buyer), PRICE);

        r = courtProxy.getRound(disputeId, 0);
        assertTrue(r.settled);
        assertEq(r.coherentSeats, 3);
        assertEq(r.rewards, 3 * FEE_PER_SEAT);
        for (uint256 i; i < r.ballots.length; ++i) {
            DisputeCourt.JurorView memory j = courtProxy.jurorOf(r.ballots[i].juror);
            assertEq(j.locked, 0);
            assertEq(j.stake, MIN_STAKE);
            assertEq(j.withdrawable, FEE_PER_SEAT * r.ballots[i].seats);
        }
        assertEq(courtProxy.heldFees(), 0);
        assertGe(address(courtProxy).balance, _owed());
    }
}
