// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

/// @title IMarketplace
/// @notice What other OSO modules (Reputation, the court, the app) read from the Marketplace.
interface IMarketplace {
    /// @notice Lifecycle of an order. Settled, Refunded and Ruled are terminal.
    enum OrderState {
        None,
        Ordered,
        Delivered,
        Settled,
        Refunded,
        Disputed,
        Ruled
    }

    /// @notice Outcome of a dispute, as an ERC-792 arbitrator rules it: 0 refused (split 50/50),
    /// 1 refund the buyer, 2 pay the seller.
    enum Ruling {
        Refused,
        Buyer,
        Seller
    }

    /// @notice One order, packed into four storage slots. URIs live in events only.
    struct Order {
        address buyer;
        uint40 orderedAt;
        uint40 deliverBy;
        OrderState state;
        Ruling ruling;
        address seller;
        uint40 deliveredAt;
        uint32 reviewWindow;
        uint16 feeBps;
        uint128 price;
        uint64 serviceId;
        bytes32 resultHash;
    }

    /// @notice One order by id (state None when it does not exist).
    function getOrder(uint256 orderId) external view returns (Order memory);
}
