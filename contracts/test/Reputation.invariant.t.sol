// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Test} from "forge-std/Test.sol";
import {StdInvariant} from "forge-std/StdInvariant.sol";
import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {Reputation} from "../src/Reputation.sol";
import {IMarketplace} from "../src/interfaces/IMarketplace.sol";
import {MarketplaceMock} from "./mocks/MarketplaceMock.sol";

/// Drives Reputation with several actors buying from and selling to each other. The handler holds
/// MARKET_ROLE, its `court` address COURT_ROLE; it keeps an independent model of the rules (XP formula, streaks,
/// dispute losses, ratings) to compare against.
contract ReputationHandler is Test {
    Reputation public immutable reputation;
    MarketplaceMock public immutable market;
    address public immutable court = makeAddr("court");

    uint256 internal constant ACTORS = 5;
    uint256 internal constant MAX_ORDERS = 200;

    address[] internal actors;
    uint256[] public orderIds;
    uint256 public currentTime;

    // ── model ──
    struct Streak {
        address counterparty;
        uint256 period;
        uint256 count;
    }

    mapping(address => uint256) public modelXp;
    mapping(address => Streak) internal streaks;
    mapping(address => uint256[5]) internal modelStars;
    mapping(uint256 => bool) public modelRated;
    mapping(uint256 => mapping(address => bool)) internal modelLoss;

    // ── ghosts ──
    uint256 public ghost_credited;
    uint256 public ghost_removed;
    uint256 public ghost_ratings;
    uint256 public ghost_unexpected; // an outcome the model did not predict
    uint256 public ghost_maxCreditPerOrder; // largest seller + buyer credit of one settlement

    mapping(bytes32 => uint256) public calls;

    constructor(Reputation reputation_, MarketplaceMock market_) {
        reputation = reputation_;
        market = market_;
        for (uint256 i; i < ACTORS; ++i) {
            actors.push(makeAddr(string.concat("actor", vm.toString(i))));
        }
        currentTime = block.timestamp;
    }

    modifier useTime() {
        vm.warp(currentTime);
        _;
    }

    function actorCount() external pure returns (uint256) {
        return ACTORS;
    }

    function actorAt(uint256 i) external view returns (address) {
        return actors[i];
    }

    function orderCount() external view returns (uint256) {
        return orderIds.length;
    }

    function modelStarsOf(address a) external view returns (uint256[5] memory) {
        return modelStars[a];
    }

    // ───────────────────────────── actions ─────────────────────────────

    /// A new order between two actors (possibly the same one) in a random state; settled ones
    /// (Settled, or Ruled for the seller) are reported to Reputation as the Marketplace would.
    function order(uint256 sellerSeed, uint256 buyerSeed, uint256 price, uint8 stateSeed) external useTime {
        if (orderIds.length >= MAX_ORDERS) return;
        address seller = actors[sellerSeed % ACTORS];
        address buyer = actors[buyerSeed % ACTORS];
        if (buyer == seller && buyerSeed % 4 != 0) buyer = actors[(sellerSeed % ACTORS + 1) % ACTORS]; // few self-deals
        // Mostly realistic prices, sometimes dust or huge.
        uint256 kind = price % 10;
        if (kind == 0) price = bound(price, 0, 1e15);
        else if (kind == 1) price = bound(price, 1 ether, 1_000 ether);
        else price = bound(price, 1e15, 2 ether);

        uint8 s = stateSeed % 8;
        IMarketplace.OrderState state;
        IMarketplace.Ruling ruling;
        bool settled;
        if (s <= 3) {
            (state, settled) = (IMarketplace.OrderState.Settled, true);
        } else if (s == 4) {
            (state, ruling, settled) = (IMarketplace.OrderState.Ruled, IMarketplace.Ruling.Seller, true);
        } else if (s == 5) {
            (state, ruling) = (IMarketplace.OrderState.Ruled, IMarketplace.Ruling.Buyer);
        } else if (s == 6) {
            state = IMarketplace.OrderState.Refunded;
        } else {
            state = IMarketplace.OrderState.Delivered;
        }
        uint256 id = market.create(buyer, seller, uint128(price), state, ruling);
        orderIds.push(id);
        if (settled) {
            _settle(id, seller, buyer, price);
            calls["settle"]++;
        } else {
            calls["openOrUnsettled"]++;
        }
    }

    /// A Marketplace settlement without an order (e.g. after an upgrade of the Marketplace).
    function settleOnly(uint256 sellerSeed, uint256 buyerSeed, uint256 price) external useTime {
        price = bound(price, 0, 3 ether);
        _settle(type(uint128).max + orderIds.length, actors[sellerSeed % ACTORS], actors[buyerSeed % ACTORS], price);
        calls["settleOnly"]++;
    }

    function rate(uint256 orderSeed, uint256 callerSeed, uint8 stars) external useTime {
        if (orderIds.length == 0) return;
        uint256 id = orderIds[orderSeed % orderIds.length];
        IMarketplace.Order memory o = market.getOrder(id);
        // Mostly the buyer, sometimes anybody.
        address caller = callerSeed % 5 != 0 ? o.buyer : actors[(callerSeed / 5) % ACTORS];
        if (stars % 4 != 0) stars = uint8(bound(stars, 1, 5)); // sometimes out of range

        bool rateable = o.state == IMarketplace.OrderState.Settled
            || (o.state == IMarketplace.OrderState.Ruled && o.ruling == IMarketplace.Ruling.Seller);
        bytes memory expected;
        if (stars == 0 || stars > 5) {
            expected = abi.encodeWithSelector(Reputation.InvalidStars.selector, stars);
        } else if (!rateable) {
            expected = abi.encodeWithSelector(Reputation.NotRateable.selector, id, o.state, o.ruling);
        } else if (caller != o.buyer) {
            expected = abi.encodeWithSelector(Reputation.NotBuyer.selector, id, caller);
        } else if (o.seller == caller) {
            expected = abi.encodeWithSelector(Reputation.SelfRating.selector, id);
        } else if (modelRated[id]) {
            expected = abi.encodeWithSelector(Reputation.AlreadyRated.selector, id);
        }

        vm.prank(caller);
        try reputation.rate(id, stars, "ipfs://review") {
            if (expected.length != 0) ghost_unexpected++;
            modelRated[id] = true;
            modelStars[o.seller][stars - 1]++;
            ghost_ratings++;
            calls["rate"]++;
        } catch (bytes memory err) {
            if (keccak256(err) != keccak256(expected)) ghost_unexpected++;
            calls["rateReverted"]++;
        }
    }

    function disputeLoss(uint256 orderSeed, uint256 loserSeed, bool byMarket) external useTime {
        if (orderIds.length == 0) return;
        uint256 id = orderIds[orderSeed % orderIds.length];
        address loser = actors[loserSeed % ACTORS];
        uint256 xp = modelXp[loser];
        uint256 expectedRemoved;
        if (!modelLoss[id][loser]) {
            modelLoss[id][loser] = true;
            expectedRemoved = 100 + xp / 10;
            if (expectedRemoved > xp) expectedRemoved = xp;
        }
        uint256 before = reputation.xpOf(loser);
        // The handler reports as the Marketplace (MARKET_ROLE) or as the court (COURT_ROLE).
        if (!byMarket) vm.prank(court);
        reputation.recordDisputeLoss(id, loser);
        if (before - reputation.xpOf(loser) != expectedRemoved) ghost_unexpected++;
        modelXp[loser] = xp - expectedRemoved;
        ghost_removed += expectedRemoved;
        calls["disputeLoss"]++;
    }

    /// Somebody without a role tries to change XP: must always revert.
    function intrude(uint256 actorSeed, uint256 price) external useTime {
        address a = actors[actorSeed % ACTORS];
        vm.prank(a);
        try reputation.recordSettlement(1, a, actors[(actorSeed % ACTORS + 1) % ACTORS], price) {
            ghost_unexpected++;
        } catch {}
        vm.prank(a);
        try reputation.recordDisputeLoss(1, actors[(actorSeed % ACTORS + 1) % ACTORS]) {
            ghost_unexpected++;
        } catch {}
        calls["intrude"]++;
    }

    function warp(uint256 secondsForward) external useTime {
        secondsForward = bound(secondsForward, 0, 10 days);
        currentTime = block.timestamp + secondsForward;
        vm.warp(currentTime);
        calls["warp"]++;
    }

    // ───────────────────────────── internals ─────────────────────────────

    function _settle(uint256 id, address seller, address buyer, uint256 price) internal {
        uint256 sellerBefore = reputation.xpOf(seller);
        uint256 buyerBefore = reputation.xpOf(buyer);
        reputation.recordSettlement(id, seller, buyer, price);

        // Model: base = min(price / 1e15, 1000); deal = max of both streaks + 1 (same counterparty,
        // same period), capped at 255; seller earns base >> (deal - 1), buyer a fifth.
        uint256 base = price / 1e15;
        if (base > 1_000) base = 1_000;
        uint256 sellerXp;
        uint256 buyerXp;
        if (base != 0 && seller != buyer) {
            uint256 period = block.timestamp / 7 days;
            uint256 deal = _next(streaks[seller], buyer, period);
            uint256 other = _next(streaks[buyer], seller, period);
            if (other > deal) deal = other;
            sellerXp = deal > 255 ? 0 : base >> (deal - 1);
            buyerXp = sellerXp / 5;
            streaks[seller] = Streak(buyer, period, deal);
            streaks[buyer] = Streak(seller, period, deal);
        }
        modelXp[seller] += sellerXp;
        modelXp[buyer] += buyerXp;
        ghost_credited += sellerXp + buyerXp;
        if (sellerXp + buyerXp > ghost_maxCreditPerOrder) ghost_maxCreditPerOrder = sellerXp + buyerXp;
        if (seller != buyer) {
            if (reputation.xpOf(seller) - sellerBefore != sellerXp) ghost_unexpected++;
            if (reputation.xpOf(buyer) - buyerBefore != buyerXp) ghost_unexpected++;
        } else if (reputation.xpOf(seller) != sellerBefore) {
            ghost_unexpected++;
        }
    }

    function _next(Streak storage s, address counterparty, uint256 period) internal view returns (uint256 n) {
        n = (s.counterparty == counterparty && s.period == period) ? s.count + 1 : 1;
        if (n > 255) n = 255;
    }
}

contract ReputationInvariantTest is StdInvariant, Test {
    Reputation internal reputation;
    MarketplaceMock internal market;
    ReputationHandler internal handler;
    address internal admin = makeAddr("admin");

    function setUp() public {
        vm.warp(1_700_000_000);
        market = MarketplaceMock(
            address(new ERC1967Proxy(address(new MarketplaceMock()), abi.encodeCall(MarketplaceMock.getOrder, (0))))
        );
        Reputation impl = new Reputation();
        reputation = Reputation(
            address(new ERC1967Proxy(address(impl), abi.encodeCall(Reputation.initialize, (admin, address(market)))))
        );
        handler = new ReputationHandler(reputation, market);
        vm.startPrank(admin);
        reputation.grantRole(reputation.MARKET_ROLE(), address(handler));
        reputation.grantRole(reputation.COURT_ROLE(), handler.court());
        vm.stopPrank();

        // The model tracks counterparties by full address; the contract by their low 24 bits.
        for (uint256 i; i < handler.actorCount(); ++i) {
            for (uint256 j = i + 1; j < handler.actorCount(); ++j) {
                assertTrue(uint24(uint160(handler.actorAt(i))) != uint24(uint160(handler.actorAt(j))));
            }
        }

        bytes4[] memory selectors = new bytes4[](6);
        selectors[0] = ReputationHandler.order.selector;
        selectors[1] = ReputationHandler.settleOnly.selector;
        selectors[2] = ReputationHandler.rate.selector;
        selectors[3] = ReputationHandler.disputeLoss.selector;
        selectors[4] = ReputationHandler.intrude.selector;
        selectors[5] = ReputationHandler.warp.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
        targetContract(address(handler));
    }

    /// totalXp == Σ credited − Σ removed.
    function invariant_totalXpIsCreditedMinusRemoved() public view {
        assertEq(reputation.totalXp(), handler.ghost_credited() - handler.ghost_removed());
    }

    /// Σ xpOf == totalXp and every account's XP matches the model.
    function invariant_xpOfMatchesModelAndSumsToTotal() public view {
        uint256 sum;
        for (uint256 i; i < handler.actorCount(); ++i) {
            address a = handler.actorAt(i);
            uint256 xp = reputation.xpOf(a);
            assertEq(xp, handler.modelXp(a), "xp matches model");
            assertEq(reputation.levelOfAccount(a), reputation.levelOf(xp), "level of account");
            assertLe(reputation.levelOfAccount(a), 50, "level capped");
            sum += xp;
        }
        assertEq(sum, reputation.totalXp());
    }

    /// Every outcome (success or exact revert) was the one the model predicted.
    function invariant_noUnexpectedOutcome() public view {
        assertEq(handler.ghost_unexpected(), 0);
    }

    /// One settlement never credits more than 1,000 + 200 XP.
    function invariant_creditPerOrderBounded() public view {
        assertLe(handler.ghost_maxCreditPerOrder(), 1_200);
    }

    /// Ratings match the model: one per order at most, counted in the right bucket.
    function invariant_oneRatingPerOrderAndSummariesMatch() public view {
        uint256 total;
        for (uint256 i; i < handler.actorCount(); ++i) {
            address a = handler.actorAt(i);
            Reputation.RatingSummary memory s = reputation.ratingOf(a);
            uint256[5] memory m = handler.modelStarsOf(a);
            uint256 count;
            uint256 sum;
            for (uint256 k; k < 5; ++k) {
                assertEq(s.stars[k], m[k], "stars bucket");
                count += m[k];
                sum += m[k] * (k + 1);
            }
            assertEq(s.count, count, "count");
            assertEq(s.sum, sum, "sum");
            total += count;
        }
        assertEq(total, handler.ghost_ratings(), "ratings counted once");
        uint256 rated;
        for (uint256 i; i < handler.orderCount(); ++i) {
            uint256 id = handler.orderIds(i);
            assertEq(reputation.hasRated(id), handler.modelRated(id), "hasRated");
            if (reputation.hasRated(id)) rated++;
        }
        assertEq(rated, handler.ghost_ratings(), "rated orders == ratings");
    }
}
