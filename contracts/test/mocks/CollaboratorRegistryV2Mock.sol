// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {CollaboratorRegistry} from "../../src/CollaboratorRegistry.sol";

/// A second implementation used to exercise UUPS upgrades: same storage, one new read and a
/// reinitializer that upgradeToAndCall can run.
contract CollaboratorRegistryV2Mock is CollaboratorRegistry {
    event UpgradedToV2();

    function initializeV2() external reinitializer(2) {
        emit UpgradedToV2();
    }

    function version() external pure returns (string memory) {
        return "2";
    }
}
