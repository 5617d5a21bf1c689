// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {DisputeCourt} from "../../src/DisputeCourt.sol";
import {IArbitrable} from "../../src/interfaces/IArbitrable.sol";
import {IArbitrator} from "../../src/interfaces/IArbitrator.sol";

/// A bare arbitrable that opens court disputes itself and records the rulings it receives; it can
/// be told to revert in `rule` (an arbitrable that cannot take its ruling yet).
contract ArbitrableMock is IArbitrable {
    DisputeCourt public immutable court;
    bool public failing;
    mapping(uint256 disputeId => uint256) public rulings;
    mapping(uint256 disputeId => uint256) public ruleCalls;

    error NotNow();

    constructor(DisputeCourt court_) {
        court = court_;
    }

    function setFailing(bool failing_) external {
        failing = failing_;
    }

    function open(uint256 choices) external payable returns (uint256) {
        return court.createDispute{value: msg.value}(choices, "");
    }

    function appeal(uint256 disputeId) external payable {
        court.appeal{value: msg.value}(disputeId, "");
    }

    function rule(uint256 disputeId, uint256 ruling) external {
        if (failing) revert NotNow();
        require(msg.sender == address(court), "only the court");
        rulings[disputeId] = ruling;
        ruleCalls[disputeId] += 1;
        emit Ruling(IArbitrator(msg.sender), disputeId, ruling);
    }
}

/// A juror that is a contract: stakes, unstakes and withdraws; may refuse ETH, or re-enter the
/// court once when paid (withdraw or unstake again).
contract JurorActor {
    DisputeCourt public immutable court;
    bool public rejecting;
    bool public reenter;
    bool public reentered;
    bytes public reentryError;

    constructor(DisputeCourt court_) {
        court = court_;
    }

    function setRejecting(bool rejecting_) external {
        rejecting = rejecting_;
    }

    function setReenter(bool reenter_) external {
        reenter = reenter_;
    }

    function stake() external payable {
        court.stake{value: msg.value}();
    }

    function unstake(uint256 amount) external {
        court.unstake(amount);
    }

    function withdraw() external {
        court.withdraw();
    }

    function commit(uint256 disputeId, bytes32 commitment) external {
        court.commit(disputeId, commitment);
    }

    function reveal(uint256 disputeId, uint256 choice, bytes32 salt) external {
        court.reveal(disputeId, choice, salt);
    }

    receive() external payable {
        require(!rejecting, "no ETH please");
        if (reenter && !reentered) {
            reentered = true;
            try court.withdraw() {} catch (bytes memory err) {
                reentryError = err;
            }
        }
    }
}

/// The court's next version for the upgrade suite: a marker and a reinitializer.
contract DisputeCourtV2Mock is DisputeCourt {
    event UpgradedToV2();

    function initializeV2() external reinitializer(2) {
        emit UpgradedToV2();
    }

    function version() external pure returns (string memory) {
        return "2";
    }
}
