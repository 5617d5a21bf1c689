// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

/// @title IReputation
/// @notice The hooks through which the Marketplace (and later the court) change experience points.
interface IReputation {
    /// @notice An order settled (accepted, released, or ruled for the seller): credit XP to the
    /// seller and a smaller share to the buyer, with diminishing returns for repeated deals
    /// between the same pair. Only the MARKET_ROLE.
    function recordSettlement(uint256 orderId, address seller, address buyer, uint256 price) external;

    /// @notice `loser` lost the dispute about `orderId`: remove XP. Only the MARKET_ROLE or COURT_ROLE.
    function recordDisputeLoss(uint256 orderId, address loser) external;
}
