// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IArbitrator} from "../../src/interfaces/IArbitrator.sol";
import {IMarketplace} from "../../src/interfaces/IMarketplace.sol";
import {Reputation} from "../../src/Reputation.sol";
import {DisputeCourt} from "../../src/DisputeCourt.sol";
import {ActivityVotes} from "../../src/governance/ActivityVotes.sol";
import {ActivityCreditor, IRatingRecord} from "../../src/governance/ActivityCreditor.sol";
import {DisputeCourtTestBase} from "../utils/DisputeCourtTestBase.sol";

/// The creditor over the real registry, Marketplace, Reputation and DisputeCourt: each piece of work
/// is credited once, only when the modules recorded it, into the period in which it is credited.
contract ActivityCreditorTest is DisputeCourtTestBase {
    uint256 internal constant PERIOD = 1 days;

    ActivityVotes internal activity;
    ActivityCreditor internal creditor;
    Reputation internal realReputation;

    function setUp() public {
        Reputation impl = new Reputation();
        realReputation =
            Reputation(address(new ERC1967Proxy(address(impl), abi.encodeCall(Reputation.initialize, (admin, address(0))))));
        _deployMarketWith(address(realReputation));
        vm.startPrank(admin);
        realReputation.setMarketplace(address(market));
        realReputation.grantRole(realReputation.MARKET_ROLE(), address(market));
        vm.stopPrank();
        (courtImplementation, courtProxy) = _deployCourt(admin, _params());
        vm.prank(admin);
        market.setArbitrator(IArbitrator(address(courtProxy)));

        activity = new ActivityVotes(admin, PERIOD, 4);
        creditor = new ActivityCreditor(
            activity, IMarketplace(address(market)), IRatingRecord(address(realReputation)), courtProxy
        );
        vm.startPrank(admin);
        activity.grantRole(activity.CREDITOR_ROLE(), address(creditor));
        vm.stopPrank();
    }

    function _settledOrder() internal returns (uint256 orderId) {
        orderId = _delivered();
        _accept(orderId);
    }

    function _period() internal view returns (uint256) {
        return block.timestamp / PERIOD;
    }

    // ── orders ──

    function test_creditOrder_creditsBothSidesOnceInTheCurrentPeriod() public {
        uint256 orderId = _settledOrder();
        vm.expectEmit(address(creditor));
        emit ActivityCreditor.OrderActivityCredited(orderId, buyer, seller, creditor.ORDER_POINTS());
        vm.prank(stranger);
        creditor.creditOrder(orderId);
        assertEq(activity.pointsIn(buyer, _period()), 10);
        assertEq(activity.pointsIn(seller, _period()), 10);
        assertEq(activity.totalIn(_period()), 20);
        assertTrue(creditor.isOrderCredited(orderId));
        vm.expectRevert(ActivityCreditor.AlreadyCredited.selector);
        creditor.creditOrder(orderId);
        // Counted once the period is over, as the democracy's weight.
        vm.warp(block.timestamp + PERIOD);
        assertEq(activity.getVotes(buyer), 10);
    }

    function test_creditOrder_refusesOrdersThatAreNotSettled() public {
        (, uint256 open) = _listAndOrder();
        vm.expectRevert(abi.encodeWithSelector(ActivityCreditor.OrderNotSettled.selector, open));
        creditor.creditOrder(open);
        _deliver(open);
        vm.expectRevert(abi.encodeWithSelector(ActivityCreditor.OrderNotSettled.selector, open));
        creditor.creditOrder(open);
        vm.expectRevert(abi.encodeWithSelector(ActivityCreditor.OrderNotSettled.selector, 999));
        creditor.creditOrder(999);
        // Refunded after the deadline: no activity.
        (, uint256 late) = _listAndOrder();
        vm.warp(market.getOrder(late).deliverBy + 1);
        vm.prank(buyer);
        market.refund(late);
        vm.expectRevert(abi.encodeWithSelector(ActivityCreditor.OrderNotSettled.selector, late));
        creditor.creditOrder(late);
    }

    function test_creditOrder_countsReleasedOrders() public {
        uint256 orderId = _delivered();
        vm.warp(_reviewEnd(orderId) + 1);
        market.release(orderId);
        creditor.creditOrder(orderId);
        assertEq(activity.pointsIn(seller, _period()), 10);
    }

    // ── ratings ──

    function test_creditRating_creditsTheBuyerOnce() public {
        uint256 orderId = _settledOrder();
        vm.expectRevert(abi.encodeWithSelector(ActivityCreditor.OrderNotRated.selector, orderId));
        creditor.creditRating(orderId);
        vm.prank(buyer);
        realReputation.rate(orderId, 5, "");
        creditor.creditRating(orderId);
        assertEq(activity.pointsIn(buyer, _period()), 2);
        assertEq(activity.pointsIn(seller, _period()), 0);
        vm.expectRevert(ActivityCreditor.AlreadyCredited.selector);
        creditor.creditRating(orderId);
        // The order and its rating are separate pieces of work.
        creditor.creditOrder(orderId);
        assertEq(activity.pointsIn(buyer, _period()), 12);
        uint256[] memory ids = new uint256[](2);
        ids[0] = orderId;
        ids[1] = orderId + 1;
        uint8[] memory flags = creditor.creditedFlags(ids);
        assertEq(flags[0], 3);
        assertEq(flags[1], 0);
    }

    // ── jury duty ──

    /// Three jurors; two vote for the buyer, one for the seller; the round settles for the buyer.
    function _ruledDispute() internal returns (uint256 disputeId, address[] memory drawn) {
        _bench(3, MIN_STAKE);
        (, disputeId) = _openDispute();
        _advance(disputeId); // evidence → commit (draws)
        drawn = _drawn(disputeId);
        for (uint256 i; i < drawn.length; ++i) {
            _commit(drawn[i], disputeId, i == 0 ? 2 : 1);
        }
        courtProxy.advance(disputeId);
        for (uint256 i; i < drawn.length; ++i) {
            _reveal(drawn[i], disputeId, i == 0 ? 2 : 1);
        }
        courtProxy.advance(disputeId); // → appeal
        _advance(disputeId); // → executed, settled
    }

    function test_creditJuryDuty_coherentSeatsOnly() public {
        (uint256 disputeId, address[] memory drawn) = _ruledDispute();
        DisputeCourt.RoundView memory r = courtProxy.getRound(disputeId, 0);
        assertTrue(r.settled);
        assertEq(r.ruling, 1);
        // drawn[0] voted for the seller: incoherent.
        if (courtProxy.getJurorVote(disputeId, 0, drawn[0]).choice != 1) {
            vm.expectRevert(
                abi.encodeWithSelector(ActivityCreditor.NotCoherentJuror.selector, disputeId, 0, drawn[0])
            );
            creditor.creditJuryDuty(disputeId, 0, drawn[0]);
        }
        uint256 credited;
        for (uint256 i; i < drawn.length; ++i) {
            DisputeCourt.BallotView memory b = courtProxy.getJurorVote(disputeId, 0, drawn[i]);
            if (b.choice != 1) continue;
            creditor.creditJuryDuty(disputeId, 0, drawn[i]);
            assertEq(activity.pointsIn(drawn[i], _period()), 5 * b.seats);
            assertTrue(creditor.isJuryDutyCredited(disputeId, 0, drawn[i]));
            credited += b.seats;
            vm.expectRevert(ActivityCreditor.AlreadyCredited.selector);
            creditor.creditJuryDuty(disputeId, 0, drawn[i]);
        }
        assertEq(credited, r.coherentSeats);
        // Not drawn, unknown round, unknown dispute.
        vm.expectRevert(abi.encodeWithSelector(ActivityCreditor.NotCoherentJuror.selector, disputeId, 0, stranger));
        creditor.creditJuryDuty(disputeId, 0, stranger);
        vm.expectRevert(abi.encodeWithSelector(ActivityCreditor.NotCoherentJuror.selector, disputeId, 1, drawn[1]));
        creditor.creditJuryDuty(disputeId, 1, drawn[1]);
        vm.expectRevert(abi.encodeWithSelector(ActivityCreditor.NotCoherentJuror.selector, 77, 0, drawn[1]));
        creditor.creditJuryDuty(77, 0, drawn[1]);
    }

    function test_creditJuryDuty_nothingBeforeTheRoundSettles() public {
        _bench(3, MIN_STAKE);
        (, uint256 disputeId) = _openDispute();
        _advance(disputeId);
        address[] memory drawn = _drawn(disputeId);
        for (uint256 i; i < drawn.length; ++i) {
            _commit(drawn[i], disputeId, 1);
        }
        courtProxy.advance(disputeId);
        _reveal(drawn[0], disputeId, 1);
        vm.expectRevert(abi.encodeWithSelector(ActivityCreditor.NotCoherentJuror.selector, disputeId, 0, drawn[0]));
        creditor.creditJuryDuty(disputeId, 0, drawn[0]);
    }

    // ── batches ──

    function test_creditAll_skipsWhatIsIneligibleOrDone() public {
        uint256 a = _settledOrder();
        uint256 b = _settledOrder();
        (, uint256 open) = _listAndOrder();
        vm.prank(buyer);
        realReputation.rate(a, 4, "");
        creditor.creditOrder(b);

        uint256[] memory orders = new uint256[](4);
        (orders[0], orders[1], orders[2], orders[3]) = (a, b, open, a);
        uint256[] memory rated = new uint256[](2);
        (rated[0], rated[1]) = (a, b);
        ActivityCreditor.JuryDuty[] memory duties = new ActivityCreditor.JuryDuty[](1);
        duties[0] = ActivityCreditor.JuryDuty({disputeId: 5, round: 0, juror: stranger});

        uint256 credited = creditor.creditAll(orders, rated, duties);
        assertEq(credited, 2); // order a and rating a
        assertEq(activity.pointsIn(buyer, _period()), 10 + 10 + 2);
        assertEq(creditor.creditAll(orders, rated, duties), 0);
    }

    // ── access ──

    function testFuzz_onlyTheCreditorCredits(address caller) public {
        vm.assume(caller != address(creditor));
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, caller, activity.CREDITOR_ROLE()
            )
        );
        vm.prank(caller);
        activity.credit(caller, 1);
    }

    function test_constructor_refusesZeroModules() public {
        vm.expectRevert(ActivityCreditor.ZeroAddress.selector);
        new ActivityCreditor(
            ActivityVotes(address(0)), IMarketplace(address(market)), IRatingRecord(address(realReputation)), courtProxy
        );
        vm.expectRevert(ActivityCreditor.ZeroAddress.selector);
        new ActivityCreditor(activity, IMarketplace(address(market)), IRatingRecord(address(0)), courtProxy);
    }
}
