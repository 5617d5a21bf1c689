// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {Reputation} from "../src/Reputation.sol";
import {IMarketplace} from "../src/interfaces/IMarketplace.sol";
import {MarketplaceMock} from "./mocks/MarketplaceMock.sol";
import {ReputationTestBase} from "./utils/ReputationTestBase.sol";

contract ReputationTest is ReputationTestBase {
    bytes32 internal constant STORAGE_LOCATION = 0xb98c937bbf20e74456d2475a35f48b62dc4f35a3a5f4311b9de337c72cf89600;
    bytes32 internal constant DEFAULT_ADMIN_ROLE = 0x00;

    bytes32 internal GOVERNOR_ROLE;
    bytes32 internal UPGRADER_ROLE;
    bytes32 internal MARKET_ROLE;
    bytes32 internal COURT_ROLE;

    function setUp() public {
        _deployDefault();
        GOVERNOR_ROLE = reputation.GOVERNOR_ROLE();
        UPGRADER_ROLE = reputation.UPGRADER_ROLE();
        MARKET_ROLE = reputation.MARKET_ROLE();
        COURT_ROLE = reputation.COURT_ROLE();
    }

    // ───────────────────────────── helpers ─────────────────────────────

    function _expectUnauthorized(address who, bytes32 role) internal {
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, who, role));
    }

    function _expectNotRateable(uint256 orderId, IMarketplace.OrderState state, IMarketplace.Ruling ruling) internal {
        vm.expectRevert(abi.encodeWithSelector(Reputation.NotRateable.selector, orderId, state, ruling));
    }

    function _assertRating(address who, uint32[5] memory stars) internal view {
        Reputation.RatingSummary memory s = reputation.ratingOf(who);
        uint64 count;
        uint64 sum;
        for (uint256 k; k < 5; ++k) {
            assertEq(s.stars[k], stars[k], string.concat("stars[", vm.toString(k), "]"));
            count += stars[k];
            sum += uint64(stars[k]) * uint64(k + 1);
        }
        assertEq(s.count, count, "count");
        assertEq(s.sum, sum, "sum");
    }

    function _s(uint32 a, uint32 b, uint32 c, uint32 d, uint32 e) internal pure returns (uint32[5] memory s) {
        s[0] = a;
        s[1] = b;
        s[2] = c;
        s[3] = d;
        s[4] = e;
    }

    function _record(address seller, address buyer, uint256 price) internal returns (uint256 orderId) {
        orderId = uint256(keccak256(abi.encode(seller, buyer, price, gasleft())));
        vm.prank(address(market));
        reputation.recordSettlement(orderId, seller, buyer, price);
    }

    // ─────────────────────────── constants & setup ───────────────────────────

    function test_constants_haveDocumentedValues() public view {
        assertEq(reputation.XP_UNIT(), 1e15);
        assertEq(reputation.MAX_ORDER_XP(), 1_000);
        assertEq(reputation.BUYER_SHARE_DIVISOR(), 5);
        assertEq(reputation.PERIOD(), 7 days);
        assertEq(reputation.DISPUTE_LOSS_FLAT(), 100);
        assertEq(reputation.DISPUTE_LOSS_BPS(), 1_000);
        assertEq(reputation.LEVEL_XP_FACTOR(), 100);
        assertEq(reputation.MAX_LEVEL(), 50);
        assertEq(reputation.MAX_URI_LENGTH(), 256);
        assertEq(reputation.MAX_PAGE_SIZE(), 500);
        assertEq(GOVERNOR_ROLE, keccak256("GOVERNOR_ROLE"));
        assertEq(UPGRADER_ROLE, keccak256("UPGRADER_ROLE"));
        assertEq(MARKET_ROLE, keccak256("MARKET_ROLE"));
        assertEq(COURT_ROLE, keccak256("COURT_ROLE"));
    }

    function test_storageLocation_isErc7201Slot() public pure {
        bytes32 expected =
            keccak256(abi.encode(uint256(keccak256("oso.storage.Reputation")) - 1)) & ~bytes32(uint256(0xff));
        assertEq(STORAGE_LOCATION, expected);
    }

    function test_storage_marketplaceAndTotalXpShareTheFirstNamespacedSlot() public {
        _settled(bob, alice, 1 ether);
        bytes32 slot0 = vm.load(address(reputation), STORAGE_LOCATION);
        assertEq(address(uint160(uint256(slot0))), address(market));
        assertEq(uint256(slot0) >> 160, 1_200);
    }

    function test_initialize_grantsRolesAndSetsMarketplace() public view {
        assertTrue(reputation.hasRole(DEFAULT_ADMIN_ROLE, admin));
        assertTrue(reputation.hasRole(GOVERNOR_ROLE, admin));
        assertTrue(reputation.hasRole(UPGRADER_ROLE, admin));
        assertFalse(reputation.hasRole(MARKET_ROLE, admin));
        assertTrue(reputation.hasRole(MARKET_ROLE, address(market)));
        assertTrue(reputation.hasRole(COURT_ROLE, court));
        assertEq(reputation.marketplace(), address(market));
        assertEq(reputation.totalXp(), 0);
    }

    function test_initialize_emitsMarketplaceSet() public {
        Reputation impl = new Reputation();
        vm.expectEmit();
        emit Reputation.MarketplaceSet(address(market));
        _deployReputationWith(impl, admin, address(market));
    }

    function test_initialize_withoutMarketplaceLeavesItUnset() public {
        (, Reputation r) = _deployReputation(admin, address(0));
        assertEq(r.marketplace(), address(0));
        assertFalse(r.hasRole(MARKET_ROLE, address(0)));
    }

    function test_initialize_revertsForZeroAdmin() public {
        Reputation impl = new Reputation();
        vm.expectRevert(abi.encodeWithSelector(Reputation.ZeroAddress.selector));
        _deployReputationWith(impl, address(0), address(market));
    }

    function test_initialize_revertsWhenCalledTwice() public {
        vm.expectRevert(abi.encodeWithSelector(Initializable.InvalidInitialization.selector));
        reputation.initialize(stranger, stranger);
    }

    function test_implementation_cannotBeInitialized() public {
        vm.expectRevert(abi.encodeWithSelector(Initializable.InvalidInitialization.selector));
        implementation.initialize(stranger, stranger);
    }

    function test_supportsInterface_accessControlAndErc165() public view {
        assertTrue(reputation.supportsInterface(type(IAccessControl).interfaceId));
        assertTrue(reputation.supportsInterface(type(IERC165).interfaceId));
        assertFalse(reputation.supportsInterface(0xffffffff));
    }

    // ─────────────────────────── setMarketplace ───────────────────────────

    function test_setMarketplace_byGovernorEmitsAndDoesNotTouchRoles() public {
        MarketplaceMock other = new MarketplaceMock();
        vm.expectEmit(address(reputation));
        emit Reputation.MarketplaceSet(address(other));
        vm.prank(admin);
        reputation.setMarketplace(address(other));
        assertEq(reputation.marketplace(), address(other));
        assertFalse(reputation.hasRole(MARKET_ROLE, address(other)));
        assertTrue(reputation.hasRole(MARKET_ROLE, address(market)));
    }

    function test_setMarketplace_keepsTotalXp() public {
        _settled(bob, alice, 1 ether);
        vm.prank(admin);
        reputation.setMarketplace(stranger);
        assertEq(reputation.totalXp(), 1_200);
        assertEq(reputation.marketplace(), stranger);
    }

    function test_setMarketplace_revertsForNonGovernor() public {
        _expectUnauthorized(stranger, GOVERNOR_ROLE);
        vm.prank(stranger);
        reputation.setMarketplace(stranger);

        _expectUnauthorized(address(market), GOVERNOR_ROLE);
        vm.prank(address(market));
        reputation.setMarketplace(stranger);
    }

    function test_setMarketplace_revertsForZero() public {
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(Reputation.ZeroAddress.selector));
        reputation.setMarketplace(address(0));
    }

    // ─────────────────────────────── rate ───────────────────────────────

    function test_rate_settledOrderRecordsStarsAndEmits() public {
        uint256 id = _settled(bob, alice, 0.1 ether);
        vm.expectEmit(address(reputation));
        emit Reputation.Rated(id, alice, bob, 4, REVIEW_URI);
        _rate(bob, id, 4);
        assertTrue(reputation.hasRated(id));
        _assertRating(alice, _s(0, 0, 0, 1, 0));
        _assertRating(bob, _s(0, 0, 0, 0, 0));
        // XP untouched by rating.
        assertEq(reputation.xpOf(alice), 100);
    }

    function test_rate_ruledForSellerIsRateable() public {
        uint256 id = _order(bob, alice, IMarketplace.OrderState.Ruled, IMarketplace.Ruling.Seller);
        _rate(bob, id, 1);
        _assertRating(alice, _s(1, 0, 0, 0, 0));
    }

    function test_rate_everyStarValueCountsInItsBucket() public {
        for (uint8 stars = 1; stars <= 5; ++stars) {
            uint256 id = _settled(bob, alice, 0.01 ether);
            _rate(bob, id, stars);
        }
        uint256 last = _settled(carol, alice, 0.01 ether);
        _rate(carol, last, 5);
        _assertRating(alice, _s(1, 1, 1, 1, 2));
        Reputation.RatingSummary memory s = reputation.ratingOf(alice);
        assertEq(s.count, 6);
        assertEq(s.sum, 20);
    }

    function test_rate_emptyAndMaxLengthReviewURIAccepted() public {
        uint256 a = _settled(bob, alice, 0.1 ether);
        vm.prank(bob);
        reputation.rate(a, 3, "");
        uint256 b = _settled(bob, alice, 0.1 ether);
        string memory uri = _repeat("u", 256);
        vm.expectEmit(address(reputation));
        emit Reputation.Rated(b, alice, bob, 5, uri);
        vm.prank(bob);
        reputation.rate(b, 5, uri);
        _assertRating(alice, _s(0, 0, 1, 0, 1));
    }

    function test_rate_ratingsAreKeptPerSeller() public {
        uint256 a = _settled(bob, alice, 0.1 ether);
        uint256 b = _settled(bob, carol, 0.1 ether);
        uint256 c = _settled(dave, carol, 0.1 ether);
        _rate(bob, a, 2);
        _rate(bob, b, 5);
        _rate(dave, c, 4);
        _assertRating(alice, _s(0, 1, 0, 0, 0));
        _assertRating(carol, _s(0, 0, 0, 1, 1));
    }

    function test_rate_revertsForZeroStars() public {
        uint256 id = _settled(bob, alice, 0.1 ether);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(Reputation.InvalidStars.selector, 0));
        reputation.rate(id, 0, REVIEW_URI);
    }

    function test_rate_revertsForSixStars() public {
        uint256 id = _settled(bob, alice, 0.1 ether);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(Reputation.InvalidStars.selector, 6));
        reputation.rate(id, 6, REVIEW_URI);
    }

    function test_rate_revertsForLongReviewURI() public {
        uint256 id = _settled(bob, alice, 0.1 ether);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(Reputation.URITooLong.selector));
        reputation.rate(id, 5, _repeat("u", 257));
    }

    function test_rate_revertsWhenMarketplaceNotSet() public {
        (, Reputation r) = _deployReputation(admin, address(0));
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(Reputation.MarketplaceNotSet.selector));
        r.rate(1, 5, REVIEW_URI);
    }

    function test_rate_revertsForUnknownOrder() public {
        vm.prank(bob);
        _expectNotRateable(999, IMarketplace.OrderState.None, IMarketplace.Ruling.Refused);
        reputation.rate(999, 5, REVIEW_URI);
    }

    function test_rate_revertsForEveryNonRateableState() public {
        IMarketplace.OrderState[5] memory states = [
            IMarketplace.OrderState.Ordered,
            IMarketplace.OrderState.Delivered,
            IMarketplace.OrderState.Refunded,
            IMarketplace.OrderState.Disputed,
            IMarketplace.OrderState.None
        ];
        for (uint256 i; i < states.length; ++i) {
            uint256 id = _order(bob, alice, states[i], IMarketplace.Ruling.Refused);
            vm.prank(bob);
            _expectNotRateable(id, states[i], IMarketplace.Ruling.Refused);
            reputation.rate(id, 5, REVIEW_URI);
        }
    }

    function test_rate_revertsForRulingOtherThanSeller() public {
        uint256 forBuyer = _order(bob, alice, IMarketplace.OrderState.Ruled, IMarketplace.Ruling.Buyer);
        vm.prank(bob);
        _expectNotRateable(forBuyer, IMarketplace.OrderState.Ruled, IMarketplace.Ruling.Buyer);
        reputation.rate(forBuyer, 5, REVIEW_URI);

        uint256 refused = _order(bob, alice, IMarketplace.OrderState.Ruled, IMarketplace.Ruling.Refused);
        vm.prank(bob);
        _expectNotRateable(refused, IMarketplace.OrderState.Ruled, IMarketplace.Ruling.Refused);
        reputation.rate(refused, 5, REVIEW_URI);
    }

    function test_rate_becomesPossibleOnceTheOrderSettles() public {
        uint256 id = _order(bob, alice, IMarketplace.OrderState.Delivered, IMarketplace.Ruling.Refused);
        vm.prank(bob);
        _expectNotRateable(id, IMarketplace.OrderState.Delivered, IMarketplace.Ruling.Refused);
        reputation.rate(id, 5, REVIEW_URI);
        market.setState(id, IMarketplace.OrderState.Settled, IMarketplace.Ruling.Refused);
        _rate(bob, id, 5);
        assertTrue(reputation.hasRated(id));
    }

    function test_rate_revertsForNonBuyer() public {
        uint256 id = _settled(bob, alice, 0.1 ether);
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(Reputation.NotBuyer.selector, id, stranger));
        reputation.rate(id, 5, REVIEW_URI);

        // The seller cannot rate itself either.
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(Reputation.NotBuyer.selector, id, alice));
        reputation.rate(id, 5, REVIEW_URI);

        // Nor can the Marketplace or the admin.
        vm.prank(address(market));
        vm.expectRevert(abi.encodeWithSelector(Reputation.NotBuyer.selector, id, address(market)));
        reputation.rate(id, 5, REVIEW_URI);
    }

    function test_rate_revertsForSelfDeal() public {
        uint256 id = _order(alice, alice, IMarketplace.OrderState.Settled, IMarketplace.Ruling.Refused);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(Reputation.SelfRating.selector, id));
        reputation.rate(id, 5, REVIEW_URI);
    }

    function test_rate_revertsWhenRatedTwice() public {
        uint256 id = _settled(bob, alice, 0.1 ether);
        _rate(bob, id, 5);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(Reputation.AlreadyRated.selector, id));
        reputation.rate(id, 1, REVIEW_URI);
        _assertRating(alice, _s(0, 0, 0, 0, 1));
    }

    function test_rate_bitmapKeepsNeighbouringOrdersApart() public {
        uint256[6] memory ids = [uint256(0), 1, 255, 256, 257, type(uint256).max];
        for (uint256 i; i < ids.length; ++i) {
            market.setOrder(
                ids[i],
                IMarketplace.Order({
                    buyer: bob,
                    orderedAt: 1,
                    deliverBy: 2,
                    state: IMarketplace.OrderState.Settled,
                    ruling: IMarketplace.Ruling.Refused,
                    seller: alice,
                    deliveredAt: 1,
                    reviewWindow: 1,
                    feeBps: 0,
                    price: 1,
                    serviceId: 1,
                    resultHash: bytes32(0)
                })
            );
        }
        for (uint256 i; i < ids.length; ++i) {
            for (uint256 j; j < ids.length; ++j) {
                assertEq(reputation.hasRated(ids[j]), j < i, "only earlier ids rated");
            }
            _rate(bob, ids[i], 3);
            vm.prank(bob);
            vm.expectRevert(abi.encodeWithSelector(Reputation.AlreadyRated.selector, ids[i]));
            reputation.rate(ids[i], 3, "");
        }
        assertEq(reputation.ratingOf(alice).count, 6);
        assertFalse(reputation.hasRated(2));
        assertFalse(reputation.hasRated(258));
    }

    function test_rate_readsTheCurrentMarketplace() public {
        uint256 id = _settled(bob, alice, 0.1 ether);
        MarketplaceMock other = new MarketplaceMock();
        vm.prank(admin);
        reputation.setMarketplace(address(other));
        // The order does not exist in the new marketplace.
        vm.prank(bob);
        _expectNotRateable(id, IMarketplace.OrderState.None, IMarketplace.Ruling.Refused);
        reputation.rate(id, 5, REVIEW_URI);
    }

    function test_rate_revertsWhenStarCounterIsFull() public {
        // Fill alice's 5★ counter (bits 176–207 of her account word) and rate 5★ once more.
        bytes32 slot = keccak256(abi.encode(alice, uint256(STORAGE_LOCATION) + 1));
        vm.store(address(reputation), slot, bytes32(uint256(type(uint32).max) << 176));
        assertEq(reputation.ratingOf(alice).stars[4], type(uint32).max);
        uint256 id = _settled(bob, alice, 0);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(Reputation.TooManyRatings.selector, alice, 5));
        reputation.rate(id, 5, REVIEW_URI);
        // Other star counters still work.
        _rate(bob, id, 4);
        _assertRating(alice, _s(0, 0, 0, 1, type(uint32).max));
    }

    // ─────────────────────────── batch reads ───────────────────────────

    function test_ratingsOf_returnsInOrderAskedIncludingUnknown() public {
        _rate(bob, _settled(bob, alice, 0.1 ether), 5);
        _rate(bob, _settled(bob, carol, 0.1 ether), 2);
        address[] memory who = new address[](3);
        who[0] = carol;
        who[1] = stranger;
        who[2] = alice;
        Reputation.RatingSummary[] memory out = reputation.ratingsOf(who);
        assertEq(out.length, 3);
        assertEq(out[0].count, 1);
        assertEq(out[0].stars[1], 1);
        assertEq(out[1].count, 0);
        assertEq(out[1].sum, 0);
        assertEq(out[2].sum, 5);
        assertEq(reputation.ratingsOf(new address[](0)).length, 0);
    }

    function test_ratingsOf_acceptsMaxPageAndRevertsAbove() public {
        assertEq(reputation.ratingsOf(new address[](500)).length, 500);
        vm.expectRevert(abi.encodeWithSelector(Reputation.InvalidPageSize.selector, 501));
        reputation.ratingsOf(new address[](501));
    }

    function test_profileOf_combinesXpLevelAndRatings() public {
        uint256 id = _settled(bob, alice, 1 ether);
        _rate(bob, id, 4);
        Reputation.Profile memory p = reputation.profileOf(alice);
        assertEq(p.xp, 1_000);
        assertEq(p.level, 3);
        assertEq(p.rating.count, 1);
        assertEq(p.rating.sum, 4);
        assertEq(p.rating.stars[3], 1);
        Reputation.Profile memory q = reputation.profileOf(bob);
        assertEq(q.xp, 200);
        assertEq(q.level, 1);
        assertEq(q.rating.count, 0);
        assertEq(reputation.levelOfAccount(alice), 3);
        assertEq(reputation.levelOfAccount(stranger), 0);
    }

    function test_profilesOf_batchAndPageLimit() public {
        _settled(bob, alice, 1 ether);
        address[] memory who = new address[](2);
        who[0] = bob;
        who[1] = alice;
        Reputation.Profile[] memory out = reputation.profilesOf(who);
        assertEq(out[0].xp, 200);
        assertEq(out[1].xp, 1_000);
        assertEq(out[1].level, 3);
        assertEq(reputation.profilesOf(new address[](500)).length, 500);
        vm.expectRevert(abi.encodeWithSelector(Reputation.InvalidPageSize.selector, 501));
        reputation.profilesOf(new address[](501));
    }

    // ─────────────────────────── recordSettlement ───────────────────────────

    function test_recordSettlement_creditsSellerAndBuyerAndEmits() public {
        vm.expectEmit(address(reputation));
        emit Reputation.SettlementRecorded(42, alice, bob, 500, 100, 1);
        vm.prank(address(market));
        reputation.recordSettlement(42, alice, bob, 0.5 ether);
        assertEq(reputation.xpOf(alice), 500);
        assertEq(reputation.xpOf(bob), 100);
        assertEq(reputation.totalXp(), 600);
        assertEq(reputation.dealStreak(alice, bob), 1);
        assertEq(reputation.dealStreak(bob, alice), 1);
    }

    function test_recordSettlement_onlyMarketRole() public {
        _expectUnauthorized(stranger, MARKET_ROLE);
        vm.prank(stranger);
        reputation.recordSettlement(1, alice, bob, 1 ether);

        // The court cannot credit XP.
        _expectUnauthorized(court, MARKET_ROLE);
        vm.prank(court);
        reputation.recordSettlement(1, alice, bob, 1 ether);

        // Nor can the admin without the role.
        _expectUnauthorized(admin, MARKET_ROLE);
        vm.prank(admin);
        reputation.recordSettlement(1, alice, bob, 1 ether);

        vm.prank(admin);
        reputation.grantRole(MARKET_ROLE, carol);
        vm.prank(carol);
        reputation.recordSettlement(1, alice, bob, 1 ether);
        assertEq(reputation.xpOf(alice), 1_000);
    }

    function test_recordSettlement_xpIsPriceInMilliEthCappedAtThousand() public {
        uint256[8] memory prices =
            [uint256(0), 1e15 - 1, 1e15, 2e15 - 1, 0.123456 ether, 1 ether - 1, 1 ether, 1_000_000 ether];
        uint256[8] memory expected = [uint256(0), 0, 1, 1, 123, 999, 1_000, 1_000];
        for (uint256 i; i < prices.length; ++i) {
            address seller = makeAddr(string.concat("seller", vm.toString(i)));
            address buyer = makeAddr(string.concat("buyer", vm.toString(i)));
            _record(seller, buyer, prices[i]);
            assertEq(reputation.xpOf(seller), expected[i], "seller xp");
            assertEq(reputation.xpOf(buyer), expected[i] / 5, "buyer xp");
        }
        assertEq(reputation.totalXp(), (1 + 1 + 123 + 999 + 1_000 + 1_000) + (24 + 199 + 200 + 200));
    }

    function test_recordSettlement_tinyOrderEarnsNothingAndDoesNotCountAsDeal() public {
        vm.expectEmit(address(reputation));
        emit Reputation.SettlementRecorded(7, alice, bob, 0, 0, 0);
        vm.prank(address(market));
        reputation.recordSettlement(7, alice, bob, 1e15 - 1);
        assertEq(reputation.dealStreak(alice, bob), 0);
        assertEq(reputation.totalXp(), 0);
        assertEq(vm.load(address(reputation), keccak256(abi.encode(alice, uint256(STORAGE_LOCATION) + 1))), 0);
    }

    function test_recordSettlement_selfDealEarnsNothing() public {
        vm.expectEmit(address(reputation));
        emit Reputation.SettlementRecorded(7, alice, alice, 0, 0, 0);
        vm.prank(address(market));
        reputation.recordSettlement(7, alice, alice, 1 ether);
        assertEq(reputation.xpOf(alice), 0);
        assertEq(reputation.totalXp(), 0);
        assertEq(reputation.dealStreak(alice, alice), 0);
    }

    function test_recordSettlement_repeatDealsInPeriodHalve() public {
        uint256[12] memory expected = [uint256(1_000), 500, 250, 125, 62, 31, 15, 7, 3, 1, 0, 0];
        uint256 sellerTotal;
        uint256 buyerTotal;
        for (uint256 i; i < expected.length; ++i) {
            vm.expectEmit(address(reputation));
            emit Reputation.SettlementRecorded(i, alice, bob, expected[i], expected[i] / 5, i + 1);
            vm.prank(address(market));
            reputation.recordSettlement(i, alice, bob, 1 ether);
            sellerTotal += expected[i];
            buyerTotal += expected[i] / 5;
            assertEq(reputation.dealStreak(alice, bob), i + 1);
        }
        assertEq(reputation.xpOf(alice), sellerTotal);
        assertEq(reputation.xpOf(bob), buyerTotal);
        assertEq(sellerTotal, 1_994);
        assertEq(reputation.totalXp(), sellerTotal + buyerTotal);
    }

    function test_recordSettlement_pairIsUnorderedSoReversingRolesStillHalves() public {
        _record(alice, bob, 1 ether); // alice sells: 1000 / 200
        _record(bob, alice, 1 ether); // bob sells to alice: second deal of the pair
        assertEq(reputation.xpOf(bob), 200 + 500);
        assertEq(reputation.xpOf(alice), 1_000 + 100);
        assertEq(reputation.dealStreak(alice, bob), 2);
    }

    function test_recordSettlement_otherPairsAreIndependent() public {
        _record(alice, bob, 1 ether);
        _record(alice, bob, 1 ether);
        _record(alice, carol, 1 ether);
        _record(dave, bob, 1 ether);
        assertEq(reputation.xpOf(alice), 1_000 + 500 + 1_000);
        assertEq(reputation.xpOf(bob), 200 + 100 + 200);
        assertEq(reputation.xpOf(carol), 200);
        assertEq(reputation.xpOf(dave), 1_000);
        assertEq(reputation.dealStreak(alice, carol), 1);
        assertEq(reputation.dealStreak(bob, carol), 0);
    }

    function test_recordSettlement_sellerCyclingItsBuyersStillHalves() public {
        _record(alice, bob, 1 ether); // 1
        _record(alice, carol, 1 ether); // 1
        _record(alice, bob, 1 ether); // bob's last deal was with alice: 2
        assertEq(reputation.xpOf(alice), 2_500);
        _record(alice, carol, 1 ether); // carol's streak with alice: 2
        _record(alice, bob, 1 ether); // bob's: 3
        assertEq(reputation.xpOf(alice), 2_500 + 500 + 250);
        assertEq(reputation.xpOf(bob), 200 + 100 + 50);
        assertEq(reputation.dealStreak(alice, bob), 3);
        assertEq(reputation.dealStreak(bob, alice), 3);
        assertEq(reputation.dealStreak(alice, carol), 2);
    }

    function test_recordSettlement_buyerCyclingSellersStillHalves() public {
        _record(alice, bob, 1 ether);
        _record(carol, bob, 1 ether);
        _record(alice, bob, 1 ether); // alice's last deal was with bob: 2
        assertEq(reputation.xpOf(alice), 1_500);
        assertEq(reputation.xpOf(bob), 200 + 200 + 100);
    }

    /// Documented limit: when both accounts dealt with somebody else in between, the streak
    /// starts over (the rule is never harsher than an exact per-pair count, sometimes lighter).
    function test_recordSettlement_streakRestartsWhenBothDealtElsewhere() public {
        _record(alice, bob, 1 ether);
        _record(alice, carol, 1 ether);
        _record(dave, bob, 1 ether);
        assertEq(reputation.dealStreak(alice, bob), 0);
        _record(alice, bob, 1 ether);
        assertEq(reputation.xpOf(alice), 3_000);
        assertEq(reputation.dealStreak(alice, bob), 1);
    }

    function test_recordSettlement_noXpDealsLeaveTheStreakAlone() public {
        _record(alice, bob, 1 ether);
        _record(alice, carol, 1e15 - 1); // dust: no XP, no streak change
        _record(alice, alice, 1 ether); // self-deal: likewise
        assertEq(reputation.dealStreak(alice, bob), 1);
        _record(alice, bob, 1 ether);
        assertEq(reputation.xpOf(alice), 1_500);
        assertEq(reputation.dealStreak(alice, carol), 0);
    }

    function test_recordSettlement_zeroXpDealsStillCountInTheStreak() public {
        for (uint256 i; i < 11; ++i) {
            _record(alice, bob, 1 ether);
        }
        assertEq(reputation.dealStreak(alice, bob), 11);
        // 0.004 ETH: base 4 → buyer share 0 even on a first deal; the streak still moves on.
        _record(carol, dave, 4e15);
        assertEq(reputation.xpOf(carol), 4);
        assertEq(reputation.xpOf(dave), 0);
        assertEq(reputation.dealStreak(carol, dave), 1);
    }

    /// Documented limit: the counterparty is remembered by the low 24 bits of its address, so a
    /// look-alike address continues the streak (it can only halve XP, never add any).
    function test_recordSettlement_counterpartyTagCollisionOnlyHalves() public {
        address lookalike = address(uint160(bob) ^ (uint160(1) << 100));
        _record(alice, bob, 1 ether);
        _record(alice, lookalike, 1 ether);
        assertEq(reputation.xpOf(lookalike), 100);
        assertEq(reputation.xpOf(alice), 1_500);
    }

    function test_recordSettlement_keepsRatingsAndStreakApart() public {
        uint256 id = _settled(bob, alice, 1 ether);
        _rate(bob, id, 5);
        for (uint256 i; i < 3; ++i) {
            _record(alice, bob, 1 ether);
        }
        _assertRating(alice, _s(0, 0, 0, 0, 1));
        assertEq(reputation.xpOf(alice), 1_000 + 500 + 250 + 125);
        uint256 id2 = _settled(bob, alice, 1 ether);
        _rate(bob, id2, 1);
        _assertRating(alice, _s(1, 0, 0, 0, 1));
        assertEq(reputation.dealStreak(alice, bob), 5);
    }

    function test_recordSettlement_newPeriodResetsTheCount() public {
        uint256 periodStart = (block.timestamp / 7 days + 1) * 7 days;
        _record(alice, bob, 1 ether);
        _record(alice, bob, 1 ether);
        vm.warp(periodStart - 1);
        _record(alice, bob, 1 ether); // still the same period: third deal
        assertEq(reputation.xpOf(alice), 1_750);
        assertEq(reputation.currentPeriod(), periodStart / 7 days - 1);

        vm.warp(periodStart);
        assertEq(reputation.currentPeriod(), periodStart / 7 days);
        assertEq(reputation.dealStreak(alice, bob), 0);
        _record(alice, bob, 1 ether);
        assertEq(reputation.xpOf(alice), 2_750);
        assertEq(reputation.dealStreak(alice, bob), 1);

        // Skipping several periods also starts over.
        vm.warp(periodStart + 30 days);
        _record(bob, alice, 1 ether);
        assertEq(reputation.xpOf(bob), 350 + 200 + 1_000);

        // The period is kept in 16 bits: 65,536 periods (~1,256 years) later it reads as the same one.
        vm.warp(periodStart + 30 days + 65_536 * 7 days);
        assertEq(reputation.dealStreak(alice, bob), 1);
    }

    function test_recordSettlement_dealCountSaturatesAt255() public {
        for (uint256 i; i < 260; ++i) {
            _record(alice, bob, 1 ether);
        }
        assertEq(reputation.dealStreak(alice, bob), 255);
        assertEq(reputation.xpOf(alice), 1_994);
        vm.expectEmit(address(reputation));
        emit Reputation.SettlementRecorded(1, alice, bob, 0, 0, 255);
        vm.prank(address(market));
        reputation.recordSettlement(1, alice, bob, 1 ether);
    }

    function test_storage_accountWordLayout() public {
        uint256 id = _settled(bob, alice, 0.3 ether); // alice 300 XP, bob 60
        _rate(bob, id, 2);
        uint256 word =
            uint256(vm.load(address(reputation), keccak256(abi.encode(alice, uint256(STORAGE_LOCATION) + 1))));
        assertEq(word & ((1 << 48) - 1), 300, "xp");
        assertEq((word >> 80) & type(uint32).max, 1, "2-star counter");
        assertEq((word >> 208) & 0xff, 1, "streak count");
        assertEq((word >> 216) & 0xffff, (block.timestamp / 7 days) & 0xffff, "streak period");
        assertEq(word >> 232, uint24(uint160(bob)), "streak counterparty tag");
    }

    function test_recordSettlement_doesNotTouchRatings() public {
        _rate(bob, _settled(bob, alice, 0.1 ether), 3);
        _record(alice, carol, 1 ether);
        _assertRating(alice, _s(0, 0, 1, 0, 0));
        assertEq(reputation.xpOf(alice), 1_100);
    }

    function test_recordSettlement_throughMarketplaceMock() public {
        uint256 id = market.createSettled(bob, alice, 0.25 ether);
        assertEq(reputation.xpOf(alice), 250);
        assertEq(reputation.xpOf(bob), 50);
        _rate(bob, id, 5);
    }

    // ─────────────────────────── recordDisputeLoss ───────────────────────────

    function test_recordDisputeLoss_removesFlatPlusTenPercent() public {
        _record(alice, bob, 1 ether);
        _record(alice, carol, 1 ether);
        _record(alice, dave, 1 ether); // alice 3,000
        vm.expectEmit(address(reputation));
        emit Reputation.DisputeLossRecorded(9, alice, 400);
        vm.prank(address(market));
        reputation.recordDisputeLoss(9, alice);
        assertEq(reputation.xpOf(alice), 2_600);
        assertEq(reputation.totalXp(), 2_600 + 600);
        assertTrue(reputation.disputeLossRecorded(9, alice));
        assertFalse(reputation.disputeLossRecorded(9, bob));
    }

    function test_recordDisputeLoss_byCourt() public {
        _record(alice, bob, 1 ether);
        vm.prank(court);
        reputation.recordDisputeLoss(9, bob); // 200 - min(200, 100 + 20)
        assertEq(reputation.xpOf(bob), 80);
        assertEq(reputation.totalXp(), 1_080);
    }

    function test_recordDisputeLoss_flooredAtZero() public {
        _record(alice, bob, 0.05 ether); // alice 50, bob 10
        vm.expectEmit(address(reputation));
        emit Reputation.DisputeLossRecorded(3, alice, 50);
        vm.prank(court);
        reputation.recordDisputeLoss(3, alice);
        assertEq(reputation.xpOf(alice), 0);
        assertEq(reputation.totalXp(), 10);

        // An account without XP loses nothing but the loss is still recorded.
        vm.expectEmit(address(reputation));
        emit Reputation.DisputeLossRecorded(4, stranger, 0);
        vm.prank(court);
        reputation.recordDisputeLoss(4, stranger);
        assertTrue(reputation.disputeLossRecorded(4, stranger));
        assertEq(reputation.totalXp(), 10);
    }

    function test_recordDisputeLoss_oncePerOrderAndLoserOthersUnaffected() public {
        _record(alice, bob, 1 ether);
        _record(alice, carol, 1 ether);
        vm.prank(address(market));
        reputation.recordDisputeLoss(5, alice); // 2000 -> 1700
        assertEq(reputation.xpOf(alice), 1_700);

        // The court reporting the same ruling changes nothing and emits nothing.
        vm.recordLogs();
        vm.prank(court);
        reputation.recordDisputeLoss(5, alice);
        assertEq(vm.getRecordedLogs().length, 0);
        assertEq(reputation.xpOf(alice), 1_700);

        // Another order, or the other party of the same order, is a separate loss.
        vm.prank(court);
        reputation.recordDisputeLoss(6, alice); // 1700 -> 1700 - 270
        assertEq(reputation.xpOf(alice), 1_430);
        vm.prank(court);
        reputation.recordDisputeLoss(5, bob); // 200 -> 200 - 120
        assertEq(reputation.xpOf(bob), 80);
        assertEq(reputation.totalXp(), 1_430 + 80 + 200);
    }

    function test_recordDisputeLoss_keepsRatings() public {
        uint256 id = _settled(bob, alice, 1 ether);
        _rate(bob, id, 2);
        vm.prank(court);
        reputation.recordDisputeLoss(id, alice);
        _assertRating(alice, _s(0, 1, 0, 0, 0));
        assertEq(reputation.xpOf(alice), 800);
    }

    function test_recordDisputeLoss_revertsForOthers() public {
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(Reputation.UnauthorizedRecorder.selector, stranger));
        reputation.recordDisputeLoss(1, alice);

        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(Reputation.UnauthorizedRecorder.selector, admin));
        reputation.recordDisputeLoss(1, alice);

        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(Reputation.UnauthorizedRecorder.selector, alice));
        reputation.recordDisputeLoss(1, alice);
    }

    function test_recordDisputeLoss_courtRoleCanBeRevoked() public {
        vm.prank(admin);
        reputation.revokeRole(COURT_ROLE, court);
        vm.prank(court);
        vm.expectRevert(abi.encodeWithSelector(Reputation.UnauthorizedRecorder.selector, court));
        reputation.recordDisputeLoss(1, alice);
    }

    function test_disputeLossXp_values() public view {
        assertEq(reputation.disputeLossXp(0), 0);
        assertEq(reputation.disputeLossXp(99), 99);
        assertEq(reputation.disputeLossXp(100), 100);
        assertEq(reputation.disputeLossXp(111), 111);
        assertEq(reputation.disputeLossXp(112), 111);
        assertEq(reputation.disputeLossXp(1_000), 200);
        assertEq(reputation.disputeLossXp(250_000), 25_100);
    }

    // ─────────────────────────── levels ───────────────────────────

    function test_levelOf_table() public view {
        assertEq(reputation.levelOf(0), 0);
        assertEq(reputation.levelOf(99), 0);
        assertEq(reputation.levelOf(100), 1);
        assertEq(reputation.levelOf(399), 1);
        assertEq(reputation.levelOf(400), 2);
        assertEq(reputation.levelOf(2_500), 5);
        assertEq(reputation.levelOf(9_999), 9);
        assertEq(reputation.levelOf(10_000), 10);
        assertEq(reputation.levelOf(62_500), 25);
        assertEq(reputation.levelOf(249_999), 49);
        assertEq(reputation.levelOf(250_000), 50);
        assertEq(reputation.levelOf(1e30), 50);
        assertEq(reputation.levelOf(type(uint256).max), 50);
    }

    function test_xpForLevel_table() public view {
        assertEq(reputation.xpForLevel(0), 0);
        assertEq(reputation.xpForLevel(1), 100);
        assertEq(reputation.xpForLevel(2), 400);
        assertEq(reputation.xpForLevel(10), 10_000);
        assertEq(reputation.xpForLevel(50), 250_000);
    }

    function test_xpForLevel_revertsAboveMax() public {
        vm.expectRevert(abi.encodeWithSelector(Reputation.InvalidLevel.selector, 51));
        reputation.xpForLevel(51);
        vm.expectRevert(abi.encodeWithSelector(Reputation.InvalidLevel.selector, 255));
        reputation.xpForLevel(255);
    }

    function test_levelOf_matchesXpForLevelAtEveryBoundary() public view {
        for (uint8 l = 1; l <= 50; ++l) {
            uint256 at = reputation.xpForLevel(l);
            assertEq(reputation.levelOf(at), l, "at threshold");
            assertEq(reputation.levelOf(at - 1), l - 1, "just below");
            assertGt(at, reputation.xpForLevel(l - 1), "thresholds increase");
        }
    }

    function test_settlementXp_pureFormula() public view {
        (uint256 s, uint256 b) = reputation.settlementXp(1 ether, 1);
        assertEq(s, 1_000);
        assertEq(b, 200);
        (s, b) = reputation.settlementXp(1 ether, 0); // read as the first deal
        assertEq(s, 1_000);
        (s, b) = reputation.settlementXp(0.3 ether, 2);
        assertEq(s, 150);
        assertEq(b, 30);
        (s, b) = reputation.settlementXp(1 ether, 256);
        assertEq(s, 0);
        assertEq(b, 0);
        (s, b) = reputation.settlementXp(type(uint256).max, type(uint256).max);
        assertEq(s, 0);
    }

    // ─────────────────────────── fuzz ───────────────────────────

    function testFuzz_rate_anyValidStarsCountsOnce(uint8 stars, uint8 other) public {
        stars = uint8(bound(stars, 1, 5));
        uint256 id = _settled(bob, alice, 0.1 ether);
        _rate(bob, id, stars);
        Reputation.RatingSummary memory s = reputation.ratingOf(alice);
        assertEq(s.count, 1);
        assertEq(s.sum, stars);
        assertEq(s.stars[stars - 1], 1);
        other = uint8(bound(other, 1, 5));
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(Reputation.AlreadyRated.selector, id));
        reputation.rate(id, other, "");
    }

    function testFuzz_rate_invalidStarsRevert(uint8 stars) public {
        vm.assume(stars == 0 || stars > 5);
        uint256 id = _settled(bob, alice, 0.1 ether);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(Reputation.InvalidStars.selector, stars));
        reputation.rate(id, stars, REVIEW_URI);
    }

    function testFuzz_settlementXp_boundedAndMonotonicInPrice(uint256 a, uint256 b, uint256 deal) public view {
        deal = bound(deal, 1, 300);
        if (a > b) (a, b) = (b, a);
        (uint256 sa, uint256 ba) = reputation.settlementXp(a, deal);
        (uint256 sb, uint256 bb) = reputation.settlementXp(b, deal);
        assertLe(sa, sb, "seller xp monotonic in price");
        assertLe(ba, bb, "buyer xp monotonic in price");
        assertLe(sb, 1_000, "capped");
        assertLe(sb, b / 1e15, "at most one xp per 0.001 ETH");
        assertEq(bb, sb / 5, "buyer share");
    }

    function testFuzz_settlementXp_nonIncreasingInDeal(uint256 price, uint256 deal) public view {
        deal = bound(deal, 1, 1_000);
        (uint256 s1,) = reputation.settlementXp(price, deal);
        (uint256 s2,) = reputation.settlementXp(price, deal + 1);
        assertLe(s2, s1);
        if (s1 > 1) assertLe(s2, s1 / 2 + 1);
    }

    function testFuzz_recordSettlement_creditsExactlyTheFormula(
        uint256 price,
        uint8 repeats,
        address seller,
        address buyer
    ) public {
        vm.assume(seller != buyer);
        repeats = uint8(bound(repeats, 1, 12));
        price = bound(price, 0, 10_000 ether);
        uint256 sellerTotal;
        uint256 buyerTotal;
        for (uint256 i = 1; i <= repeats; ++i) {
            (uint256 s, uint256 b) = reputation.settlementXp(price, i);
            vm.prank(address(market));
            reputation.recordSettlement(i, seller, buyer, price);
            sellerTotal += s;
            buyerTotal += b;
        }
        assertEq(reputation.xpOf(seller), sellerTotal);
        assertEq(reputation.xpOf(buyer), buyerTotal);
        assertEq(reputation.totalXp(), sellerTotal + buyerTotal);
        assertLe(sellerTotal, 2_000, "a pair earns under 2x the cap per period");
    }

    function testFuzz_recordDisputeLoss_neverUnderflowsAndMatchesFormula(uint256 price, uint8 deals) public {
        deals = uint8(bound(deals, 0, 5));
        price = bound(price, 0, 5 ether);
        for (uint256 i; i < deals; ++i) {
            _record(alice, makeAddr(string.concat("b", vm.toString(i))), price);
        }
        uint256 before = reputation.xpOf(alice);
        uint256 total = reputation.totalXp();
        vm.prank(court);
        reputation.recordDisputeLoss(1, alice);
        uint256 removed = before - reputation.xpOf(alice);
        assertEq(removed, reputation.disputeLossXp(before));
        assertLe(removed, before);
        assertEq(reputation.totalXp(), total - removed);
    }

    function testFuzz_levelOf_monotonic(uint256 a, uint256 b) public view {
        if (a > b) (a, b) = (b, a);
        assertLe(reputation.levelOf(a), reputation.levelOf(b));
        assertLe(reputation.levelOf(b), 50);
    }

    function testFuzz_levelOf_betweenThresholds(uint256 xp) public view {
        uint8 l = reputation.levelOf(xp);
        assertGe(xp, reputation.xpForLevel(l));
        if (l < 50) assertLt(xp, reputation.xpForLevel(l + 1));
    }

    // ─────────────────────────── internals ───────────────────────────

    function _deployReputationWith(Reputation impl, address admin_, address market_) internal returns (Reputation) {
        return
            Reputation(
                address(new ERC1967Proxy(address(impl), abi.encodeCall(Reputation.initialize, (admin_, market_))))
            );
    }
}
