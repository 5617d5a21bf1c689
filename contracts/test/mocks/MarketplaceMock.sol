// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IMarketplace} from "../../src/interfaces/IMarketplace.sol";
import {IReputation} from "../../src/interfaces/IReputation.sol";

/// A stand-in Marketplace for the Reputation suites: orders are set directly and kept in a mapping
/// of IMarketplace.Order, i.e. the same four packed storage slots the real Marketplace uses, so
/// `getOrder` costs Reputation.rate a realistic four cold SLOADs. It can also forward the
/// Reputation hooks, acting as the contract that holds MARKET_ROLE.
contract MarketplaceMock is IMarketplace {
    mapping(uint256 orderId => Order) internal orders;
    IReputation public reputation;
    uint256 public lastId;

    function setReputation(IReputation reputation_) external {
        reputation = reputation_;
    }

    /// Stores `order` under `orderId` as is.
    function setOrder(uint256 orderId, Order calldata order) external {
        orders[orderId] = order;
    }

    /// Changes an order's state and ruling only.
    function setState(uint256 orderId, OrderState state, Ruling ruling) external {
        Order storage o = orders[orderId];
        o.state = state;
        o.ruling = ruling;
    }

    /// Stores a new order (next id) with realistic fields in `state`; no Reputation call.
    function create(address buyer, address seller, uint128 price, OrderState state, Ruling ruling)
        public
        returns (uint256 orderId)
    {
        orderId = ++lastId;
        orders[orderId] = Order({
            buyer: buyer,
            orderedAt: uint40(block.timestamp),
            deliverBy: uint40(block.timestamp + 3 days),
            state: state,
            ruling: ruling,
            seller: seller,
            deliveredAt: uint40(block.timestamp),
            reviewWindow: 3 days,
            feeBps: 250,
            price: price,
            serviceId: 7,
            resultHash: keccak256(abi.encode(orderId))
        });
    }

    /// A new Settled order, reported to Reputation as the real Marketplace's accept would.
    function createSettled(address buyer, address seller, uint128 price) external returns (uint256 orderId) {
        orderId = create(buyer, seller, price, OrderState.Settled, Ruling.Refused);
        reputation.recordSettlement(orderId, seller, buyer, price);
    }

    function recordSettlement(uint256 orderId, address seller, address buyer, uint256 price) external {
        reputation.recordSettlement(orderId, seller, buyer, price);
    }

    function recordDisputeLoss(uint256 orderId, address loser) external {
        reputation.recordDisputeLoss(orderId, loser);
    }

    /// @inheritdoc IMarketplace
    function getOrder(uint256 orderId) external view returns (Order memory) {
        return orders[orderId];
    }
}
