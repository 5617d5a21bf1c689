// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IArbitrable} from "./IArbitrable.sol";

/// @title IArbitrator
/// @notice ERC-792 arbitrator: an arbitrable contract pays `arbitrationCost` to open a dispute with
/// `createDispute`, may pay `appealCost` to appeal a ruling during `appealPeriod`, and receives the
/// final ruling through `IArbitrable.rule`. Rulings are numbered: 0 = refused to arbitrate, then
/// 1..choices as the arbitrable defines them in its ERC-1497 meta-evidence.
interface IArbitrator {
    /// @notice Waiting: not ruled yet. Appealable: a ruling was given and can be appealed now.
    /// Solved: the ruling is final and was passed to the arbitrable.
    enum DisputeStatus {
        Waiting,
        Appealable,
        Solved
    }

    /// @notice Dispute `_disputeID` was created by `_arbitrable`.
    event DisputeCreation(uint256 indexed _disputeID, IArbitrable indexed _arbitrable);
    /// @notice Dispute `_disputeID` has a ruling that `_arbitrable` may appeal now.
    event AppealPossible(uint256 indexed _disputeID, IArbitrable indexed _arbitrable);
    /// @notice Dispute `_disputeID` was appealed by `_arbitrable`.
    event AppealDecision(uint256 indexed _disputeID, IArbitrable indexed _arbitrable);

    /// @notice Open a dispute; the caller is its arbitrable. Pay exactly `arbitrationCost(_extraData)`.
    /// @param _choices Number of ruling options (ruling 0, refusal, is always possible on top).
    /// @param _extraData Arbitrator-specific parameters.
    /// @return disputeID The new dispute's id.
    function createDispute(uint256 _choices, bytes calldata _extraData) external payable returns (uint256 disputeID);

    /// @notice Wei `createDispute` costs.
    /// @param _extraData Arbitrator-specific parameters.
    /// @return cost The price.
    function arbitrationCost(bytes calldata _extraData) external view returns (uint256 cost);

    /// @notice Appeal the current ruling of `_disputeID`, paying exactly `appealCost`.
    /// @param _disputeID The dispute.
    /// @param _extraData Arbitrator-specific parameters.
    function appeal(uint256 _disputeID, bytes calldata _extraData) external payable;

    /// @notice Wei an appeal of `_disputeID` costs.
    /// @param _disputeID The dispute.
    /// @param _extraData Arbitrator-specific parameters.
    /// @return cost The price.
    function appealCost(uint256 _disputeID, bytes calldata _extraData) external view returns (uint256 cost);

    /// @notice Time window in which `_disputeID` can be appealed ((0, 0) when it cannot).
    /// @param _disputeID The dispute.
    /// @return start First second of the window.
    /// @return end First second after the window.
    function appealPeriod(uint256 _disputeID) external view returns (uint256 start, uint256 end);

    /// @notice Status of `_disputeID`.
    /// @param _disputeID The dispute.
    /// @return status Waiting, Appealable or Solved.
    function disputeStatus(uint256 _disputeID) external view returns (DisputeStatus status);

    /// @notice Current ruling of `_disputeID` (final once Solved).
    /// @param _disputeID The dispute.
    /// @return ruling 0 = refused, else the winning choice.
    function currentRuling(uint256 _disputeID) external view returns (uint256 ruling);
}
