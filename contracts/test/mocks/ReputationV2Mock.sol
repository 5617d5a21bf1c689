// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Reputation} from "../../src/Reputation.sol";

/// A second Reputation implementation for the upgrade suite: same storage, one new read and a
/// reinitializer that upgradeToAndCall can run.
contract ReputationV2Mock is Reputation {
    event UpgradedToV2();

    function initializeV2() external reinitializer(2) {
        emit UpgradedToV2();
    }

    function version() external pure returns (string memory) {
        return "2";
    }
}
