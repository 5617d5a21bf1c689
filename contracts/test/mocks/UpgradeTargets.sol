// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

/// An implementation candidate that is not UUPS at all (no proxiableUUID).
contract NotUUPSImplementation {
    uint256 public value;

    function setValue(uint256 v) external {
        value = v;
    }
}

/// An implementation candidate whose proxiableUUID answers a slot other than ERC-1967's.
contract WrongUUIDImplementation {
    bytes32 public constant WRONG_SLOT = keccak256("not.the.erc1967.implementation.slot");

    function proxiableUUID() external pure returns (bytes32) {
        return WRONG_SLOT;
    }
}
