// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IReputation} from "../../src/interfaces/IReputation.sol";
import {Marketplace} from "../../src/Marketplace.sol";

/// Stands in for the Reputation module. Like the real one it only answers the market (a cold
/// storage read, as AccessControl's role check would be) and each settlement writes two fresh
/// storage slots (what a first deal between a pair costs: the pair's deal count and a record), so
/// gas figures measured through it are realistic. It also counts calls for the unit tests and can
/// be told to revert.
contract MarketplaceReputationMock is IReputation {
    address public market;
    bool public failing;
    uint256 public disputeLossCalls;
    mapping(uint256 orderId => bytes32) public settlementOf;
    mapping(uint256 orderId => uint256) public priceOf;
    mapping(uint256 orderId => address) public loserOf;
    mapping(address account => uint256) public lossesOf;

    error OnlyMarket(address caller);
    error ReputationDown();

    function setMarket(address market_) external {
        market = market_;
    }

    function setFailing(bool failing_) external {
        failing = failing_;
    }

    function recordSettlement(uint256 orderId, address seller, address buyer, uint256 price) external {
        if (msg.sender != market) revert OnlyMarket(msg.sender);
        if (failing) revert ReputationDown();
        settlementOf[orderId] = keccak256(abi.encode(seller, buyer));
        priceOf[orderId] = price;
    }

    function recordDisputeLoss(uint256 orderId, address loser) external {
        if (msg.sender != market) revert OnlyMarket(msg.sender);
        if (failing) revert ReputationDown();
        loserOf[orderId] = loser;
        lossesOf[loser] += 1;
        disputeLossCalls += 1;
    }
}

/// A contract that buys and sells on the market. On receiving ETH it can call back into the
/// market once (withdraw, accept, release, refund or cancel); with `swallow` it catches the
/// re-entrant call's failure and keeps the payment, otherwise it bubbles it up. With `rejecting`
/// it refuses ETH outright.
contract MarketplaceActor {
    enum Target {
        None,
        Withdraw,
        Accept,
        Release,
        Refund,
        Cancel
    }

    Marketplace public immutable market;
    Target public target;
    uint256 public targetOrder;
    bool public swallow;
    bool public rejecting;
    bool public reentered;
    bool public reentrySucceeded;
    bytes public reentryError;
    uint256 public received;
    uint256 public payments;

    constructor(Marketplace market_) {
        market = market_;
    }

    /// Sets what the next payment re-enters with, and clears the previous attempt's record.
    function arm(Target target_, uint256 orderId, bool swallow_) external {
        target = target_;
        targetOrder = orderId;
        swallow = swallow_;
        reentered = false;
        reentrySucceeded = false;
        delete reentryError;
    }

    function setRejecting(bool rejecting_) external {
        rejecting = rejecting_;
    }

    /// Calls `to` with `value` wei of this contract's balance, bubbling up a revert.
    function execute(address to, uint256 value, bytes calldata data) external payable returns (bytes memory ret) {
        bool ok;
        (ok, ret) = to.call{value: value}(data);
        if (!ok) {
            assembly {
                revert(add(ret, 32), mload(ret))
            }
        }
    }

    function withdraw() external {
        market.withdraw();
    }

    receive() external payable {
        require(!rejecting, "no ETH please");
        received += msg.value;
        payments += 1;
        if (target == Target.None || reentered) return;
        reentered = true;
        bytes memory data;
        if (target == Target.Withdraw) data = abi.encodeCall(Marketplace.withdraw, ());
        else if (target == Target.Accept) data = abi.encodeCall(Marketplace.accept, (targetOrder));
        else if (target == Target.Release) data = abi.encodeCall(Marketplace.release, (targetOrder));
        else if (target == Target.Refund) data = abi.encodeCall(Marketplace.refund, (targetOrder));
        else data = abi.encodeCall(Marketplace.cancel, (targetOrder));
        (bool ok, bytes memory ret) = address(market).call(data);
        if (ok) {
            reentrySucceeded = true;
            return;
        }
        reentryError = ret;
        if (!swallow) {
            assembly {
                revert(add(ret, 32), mload(ret))
            }
        }
    }
}

/// A second implementation used to exercise UUPS upgrades: same storage, one new read and a
/// reinitializer that upgradeToAndCall can run.
contract MarketplaceV2Mock is Marketplace {
    event UpgradedToV2();

    function initializeV2() external reinitializer(2) {
        emit UpgradedToV2();
    }

    function version() external pure returns (string memory) {
        return "2";
    }
}
