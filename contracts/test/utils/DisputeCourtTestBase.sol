// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {DisputeCourt} from "../../src/DisputeCourt.sol";
import {IArbitrator} from "../../src/interfaces/IArbitrator.sol";
import {MarketplaceTestBase} from "./MarketplaceTestBase.sol";

/// Shared deployment and helpers for the DisputeCourt suites: the marketplace of MarketplaceTestBase
/// (real registry, reputation mock) with a real DisputeCourt behind its proxy as its arbitrator,
/// and a bench of jurors.
abstract contract DisputeCourtTestBase is MarketplaceTestBase {
    uint128 internal constant MIN_STAKE = 1 ether;
    uint128 internal constant LOCK_PER_SEAT = 0.2 ether;
    uint128 internal constant FEE_PER_SEAT = 0.01 ether;
    uint32 internal constant EVIDENCE = 1 days;
    uint32 internal constant COMMIT = 1 days;
    uint32 internal constant REVEAL = 1 days;
    uint32 internal constant APPEAL = 1 days;
    uint8 internal constant MAX_ROUNDS = 3;

    DisputeCourt internal courtProxy;
    DisputeCourt internal courtImplementation;
    address internal courtTreasury = makeAddr("courtTreasury");

    address[] internal jurors;

    function _params() internal view returns (DisputeCourt.Params memory p) {
        p = DisputeCourt.Params({
            minStake: MIN_STAKE,
            feePerSeat: FEE_PER_SEAT,
            lockPerSeat: LOCK_PER_SEAT,
            evidenceDuration: EVIDENCE,
            commitDuration: COMMIT,
            revealDuration: REVEAL,
            appealDuration: APPEAL,
            maxRounds: MAX_ROUNDS,
            treasury: courtTreasury
        });
    }

    function _deployCourt(address admin_, DisputeCourt.Params memory p)
        internal
        returns (DisputeCourt impl, DisputeCourt proxy)
    {
        impl = new DisputeCourt();
        proxy = DisputeCourt(
            address(new ERC1967Proxy(address(impl), abi.encodeCall(DisputeCourt.initialize, (admin_, p))))
        );
    }

    /// Market, registry and court wired together; the market's arbitrator is the court.
    function _deployCourtDefault() internal {
        _deployMarketDefault();
        (courtImplementation, courtProxy) = _deployCourt(admin, _params());
        vm.prank(admin);
        market.setArbitrator(IArbitrator(address(courtProxy)));
    }

    /// `n` jurors named juror0… each staking `amount`.
    function _bench(uint256 n, uint256 amount) internal {
        for (uint256 i; i < n; ++i) {
            address j = makeAddr(string.concat("juror", vm.toString(i)));
            jurors.push(j);
            _stake(j, amount);
        }
    }

    // ── actions ──

    function _stake(address who, uint256 amount) internal {
        vm.deal(who, who.balance + amount);
        vm.prank(who);
        courtProxy.stake{value: amount}();
    }

    /// A delivered order disputed by its buyer through the market (paying the court's fee).
    function _openDispute() internal returns (uint256 orderId, uint256 disputeId) {
        orderId = _delivered();
        disputeId = _disputeOrder(orderId);
    }

    function _disputeOrder(uint256 orderId) internal returns (uint256 disputeId) {
        uint256 cost = courtProxy.arbitrationCost("");
        address b = market.getOrder(orderId).buyer;
        vm.deal(b, b.balance + cost);
        vm.prank(b);
        disputeId = market.dispute{value: cost}(orderId, "ipfs://reason");
    }

    /// Warps past the current period and advances.
    function _advance(uint256 disputeId) internal {
        DisputeCourt.DisputeView memory d = courtProxy.getDispute(disputeId);
        if (block.timestamp < d.periodEnd) vm.warp(d.periodEnd);
        courtProxy.advance(disputeId);
    }

    function _salt(address juror, uint256 disputeId, uint256 round) internal pure returns (bytes32) {
        return keccak256(abi.encode("salt", juror, disputeId, round));
    }

    function _commit(address juror, uint256 disputeId, uint256 choice) internal {
        uint256 round = courtProxy.getDispute(disputeId).round;
        bytes32 h = courtProxy.hashVote(choice, _salt(juror, disputeId, round), juror, disputeId, round);
        vm.prank(juror);
        courtProxy.commit(disputeId, h);
    }

    function _reveal(address juror, uint256 disputeId, uint256 choice) internal {
        uint256 round = courtProxy.getDispute(disputeId).round;
        vm.prank(juror);
        courtProxy.reveal(disputeId, choice, _salt(juror, disputeId, round));
    }

    /// The distinct jurors drawn in the dispute's current round.
    function _drawn(uint256 disputeId) internal view returns (address[] memory out) {
        DisputeCourt.RoundView memory r = courtProxy.getRound(disputeId, courtProxy.getDispute(disputeId).round);
        out = new address[](r.ballots.length);
        for (uint256 i; i < out.length; ++i) {
            out[i] = r.ballots[i].juror;
        }
    }

    /// Every drawn juror commits then reveals `choice` (advancing Commit → Reveal → next period).
    function _voteAll(uint256 disputeId, uint256 choice) internal {
        address[] memory drawn = _drawn(disputeId);
        for (uint256 i; i < drawn.length; ++i) {
            _commit(drawn[i], disputeId, choice);
        }
        courtProxy.advance(disputeId); // everyone committed: no wait
        for (uint256 i; i < drawn.length; ++i) {
            _reveal(drawn[i], disputeId, choice);
        }
        courtProxy.advance(disputeId); // everyone revealed: no wait
    }

    // ── reads ──

    function _period(uint256 disputeId) internal view returns (DisputeCourt.Period) {
        return courtProxy.getDispute(disputeId).period;
    }

    function _assertPeriod(uint256 disputeId, DisputeCourt.Period expected) internal view {
        assertEq(uint8(_period(disputeId)), uint8(expected), "period");
    }

    /// Σ stakes + held fees + credits: what the court must hold at least.
    function _owed() internal view returns (uint256) {
        return courtProxy.totalStaked() + courtProxy.heldFees() + courtProxy.totalCredits();
    }
}
