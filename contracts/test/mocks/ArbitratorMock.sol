// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IArbitrable} from "../../src/interfaces/IArbitrable.sol";
import {IArbitrator} from "../../src/interfaces/IArbitrator.sol";

/// A bare ERC-792 arbitrator for the Marketplace's unit tests: disputes cost `cost` (0 by default),
/// appeals `appealFee`; the test sets the current ruling and gives the final ruling at will.
contract ArbitratorMock is IArbitrator {
    uint256 public cost;
    uint256 public appealFee;
    uint256 public count;
    mapping(uint256 disputeId => address) public arbitrableOf;
    mapping(uint256 disputeId => uint256) public choicesOf;
    mapping(uint256 disputeId => uint256) public rulingOf;
    mapping(uint256 disputeId => uint256) public appeals;
    mapping(uint256 disputeId => bool) public solved;

    error WrongValue(uint256 sent);

    function setCost(uint256 cost_) external {
        cost = cost_;
    }

    function setAppealFee(uint256 fee) external {
        appealFee = fee;
    }

    function setCurrentRuling(uint256 disputeId, uint256 ruling) external {
        rulingOf[disputeId] = ruling;
    }

    /// Gives the final ruling: calls the arbitrable's `rule`.
    function giveRuling(uint256 disputeId, uint256 ruling) external {
        rulingOf[disputeId] = ruling;
        solved[disputeId] = true;
        IArbitrable(arbitrableOf[disputeId]).rule(disputeId, ruling);
    }

    function createDispute(uint256 choices, bytes calldata) external payable returns (uint256 id) {
        if (msg.value != cost) revert WrongValue(msg.value);
        id = ++count;
        arbitrableOf[id] = msg.sender;
        choicesOf[id] = choices;
        emit DisputeCreation(id, IArbitrable(msg.sender));
    }

    function arbitrationCost(bytes calldata) external view returns (uint256) {
        return cost;
    }

    function appeal(uint256 disputeId, bytes calldata) external payable {
        if (msg.value != appealFee) revert WrongValue(msg.value);
        appeals[disputeId] += 1;
        emit AppealDecision(disputeId, IArbitrable(msg.sender));
    }

    function appealCost(uint256, bytes calldata) external view returns (uint256) {
        return appealFee;
    }

    function appealPeriod(uint256) external pure returns (uint256, uint256) {
        return (0, 0);
    }

    function disputeStatus(uint256 disputeId) external view returns (DisputeStatus) {
        return solved[disputeId] ? DisputeStatus.Solved : DisputeStatus.Waiting;
    }

    function currentRuling(uint256 disputeId) external view returns (uint256) {
        return rulingOf[disputeId];
    }
}
