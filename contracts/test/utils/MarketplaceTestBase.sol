// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {IArbitrator} from "../../src/interfaces/IArbitrator.sol";
import {IMarketplace} from "../../src/interfaces/IMarketplace.sol";
import {Marketplace} from "../../src/Marketplace.sol";
import {CollaboratorRegistryTestBase} from "./CollaboratorRegistryTestBase.sol";
import {MarketplaceReputationMock} from "../mocks/MarketplaceMocks.sol";
import {ArbitratorMock} from "../mocks/ArbitratorMock.sol";

/// Shared deployment and helpers for the Marketplace test suites: a real CollaboratorRegistry
/// behind its proxy, the reputation mock, the marketplace behind its proxy and a bare ERC-792
/// arbitrator (ArbitratorMock, free disputes) that the tests rule with.
abstract contract MarketplaceTestBase is CollaboratorRegistryTestBase {
    uint16 internal constant FEE_BPS = 250; // 2.5%
    uint32 internal constant REVIEW_WINDOW = 3 days;
    uint32 internal constant DELIVERY_WINDOW = 2 days;
    uint256 internal constant PRICE = 1 ether;

    string internal constant TITLE = "Solidity audit, up to 500 lines";
    string internal constant METADATA_URI = "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi";
    string internal constant REQUEST_URI = "ipfs://bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku";
    string internal constant RESULT_URI = "ipfs://bafkreie7ohywtosou76tasm7j63yigtzxe7d5zqus4zu3j6oltvgtibeom";
    bytes32 internal constant RESULT_HASH = keccak256("audit report v1");

    Marketplace internal market;
    Marketplace internal marketImplementation;
    MarketplaceReputationMock internal reputation;
    ArbitratorMock internal arbitrator;

    // Roles: alice and bob sell (service collaborators); carol and dave buy.
    address internal seller;
    address internal buyer;

    function _deployMarket(
        address admin_,
        address registry_,
        address reputation_,
        address treasury_,
        uint16 feeBps_,
        uint32 reviewWindow_
    ) internal returns (Marketplace impl, Marketplace proxy) {
        impl = new Marketplace();
        proxy = Marketplace(
            address(
                new ERC1967Proxy(
                    address(impl),
                    abi.encodeCall(
                        Marketplace.initialize, (admin_, registry_, reputation_, treasury_, feeBps_, reviewWindow_)
                    )
                )
            )
        );
    }

    function _deployMarketDefault() internal {
        reputation = new MarketplaceReputationMock();
        _deployMarketWith(address(reputation));
        reputation.setMarket(address(market));
    }

    /// Registry (alice and bob sell, dave only rates), and the market wired to `reputation_`.
    function _deployMarketWith(address reputation_) internal {
        vm.warp(1_700_000_000);
        _deployDefault();
        (marketImplementation, market) =
            _deployMarket(admin, address(registry), reputation_, treasury, FEE_BPS, REVIEW_WINDOW);
        arbitrator = new ArbitratorMock();
        vm.prank(admin);
        market.setArbitrator(arbitrator);
        seller = alice;
        buyer = carol;
        _join(alice, 1, MIN_BOND); // service
        _join(bob, 1 | 2, MIN_BOND); // service and rating
        _join(dave, 2, MIN_BOND); // rating only: not a seller
    }

    // ── actions ──

    function _list(address who, uint256 price, uint32 window) internal returns (uint256 id) {
        vm.prank(who);
        id = market.listService(TITLE, METADATA_URI, price, window);
    }

    function _list() internal returns (uint256) {
        return _list(seller, PRICE, DELIVERY_WINDOW);
    }

    function _order(address who, uint256 serviceId) internal returns (uint256 id) {
        uint256 price = market.getService(serviceId).price;
        vm.deal(who, who.balance + price);
        vm.prank(who);
        id = market.order{value: price}(serviceId, REQUEST_URI);
    }

    function _deliver(uint256 orderId) internal {
        vm.prank(market.getOrder(orderId).seller);
        market.deliver(orderId, RESULT_URI, RESULT_HASH);
    }

    function _accept(uint256 orderId) internal {
        vm.prank(market.getOrder(orderId).buyer);
        market.accept(orderId);
    }

    /// The buyer disputes, paying the current arbitrator's cost (0 with the mock).
    function _dispute(uint256 orderId) internal {
        address b = market.getOrder(orderId).buyer;
        uint256 cost = IArbitrator(market.arbitrator()).arbitrationCost("");
        vm.deal(b, b.balance + cost);
        vm.prank(b);
        market.dispute{value: cost}(orderId, "ipfs://reason");
    }

    /// The order's arbitrator gives its final ruling (through the mock).
    function _rule(uint256 orderId, IMarketplace.Ruling ruling) internal {
        arbitrator.giveRuling(market.disputeOf(orderId).disputeId, uint256(ruling));
    }

    /// Calls `rule` as `arbitrator_` directly.
    function _ruleAs(address arbitrator_, uint256 disputeId, uint256 ruling) internal {
        vm.prank(arbitrator_);
        market.rule(disputeId, ruling);
    }

    function _withdrawFrom(address who) internal returns (uint256 paid) {
        uint256 before = who.balance;
        vm.prank(who);
        market.withdraw();
        paid = who.balance - before;
    }

    /// Lists a default service and orders it: returns (serviceId, orderId).
    function _listAndOrder() internal returns (uint256 serviceId, uint256 orderId) {
        serviceId = _list();
        orderId = _order(buyer, serviceId);
    }

    /// Lists, orders and delivers: returns the order id.
    function _delivered() internal returns (uint256 orderId) {
        (, orderId) = _listAndOrder();
        _deliver(orderId);
    }

    // ── reads ──

    function _stateOf(uint256 orderId) internal view returns (IMarketplace.OrderState) {
        return market.getOrder(orderId).state;
    }

    function _assertState(uint256 orderId, IMarketplace.OrderState expected) internal view {
        assertEq(uint8(_stateOf(orderId)), uint8(expected), "order state");
    }

    function _reviewEnd(uint256 orderId) internal view returns (uint256) {
        IMarketplace.Order memory o = market.getOrder(orderId);
        return uint256(o.deliveredAt) + o.reviewWindow;
    }

    function _fee(uint256 price, uint16 bps) internal pure returns (uint256) {
        return price * bps / 10_000;
    }
}
