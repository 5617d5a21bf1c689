// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Certificates} from "../../src/Certificates.sol";

/// A second Certificates implementation for the upgrade suite: same storage, one new read and a
/// reinitializer that upgradeToAndCall can run.
contract CertificatesV2Mock is Certificates {
    event UpgradedToV2();

    function initializeV2() external reinitializer(2) {
        emit UpgradedToV2();
    }

    function version() external pure returns (string memory) {
        return "2";
    }
}
