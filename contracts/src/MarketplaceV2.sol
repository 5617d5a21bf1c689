// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Marketplace} from "./Marketplace.sol";

/// @title MarketplaceV2
/// @notice The Marketplace plus published terms: governance publishes the URI of the market's terms
/// of service (fee policy, delivery and review rules, dispute process) with the content hash of
/// the document, so buyers and sellers can check which text was in force; the app shows it before
/// an order. Everything else is the Marketplace, unchanged.
/// @dev An upgrade of the live proxy: `upgradeToAndCall(v2, initializeV2(uri, hash))` by the
/// upgrader (the timelock). V2's state lives in its own ERC-7201 namespace, so V1's storage is
/// untouched. `initializeV2` is a reinitializer(2) and needs GOVERNOR_ROLE as well, so nobody can
/// front-run it between an upgrade without call and the initialization.
contract MarketplaceV2 is Marketplace {
    /// @custom:storage-location erc7201:oso.storage.MarketplaceV2
    struct TermsStorage {
        bytes32 termsHash;
        string termsURI;
    }

    // keccak256(abi.encode(uint256(keccak256("oso.storage.MarketplaceV2")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant TERMS_LOCATION = 0x519ba4a5c57db75cd303e855cdf5348d176825ebdcee7ed9fa46819cb6a89700;

    /// @notice Governance published new terms of service.
    event TermsSet(string termsURI, bytes32 termsHash);

    /// @notice Initializes V2 on a live V1 proxy: publishes the first terms. Only GOVERNOR_ROLE, once.
    /// @param termsURI_ Where the terms live (≤ 256 bytes).
    /// @param termsHash_ Content hash of the terms document.
    function initializeV2(string calldata termsURI_, bytes32 termsHash_)
        external
        reinitializer(2)
        onlyRole(GOVERNOR_ROLE)
    {
        _setTerms(termsURI_, termsHash_);
    }

    /// @notice Publish new terms of service. Only GOVERNOR_ROLE.
    /// @param termsURI_ Where the terms live (≤ 256 bytes).
    /// @param termsHash_ Content hash of the terms document.
    function setTerms(string calldata termsURI_, bytes32 termsHash_) external onlyRole(GOVERNOR_ROLE) {
        _setTerms(termsURI_, termsHash_);
    }

    /// @notice The terms of service in force: their URI and content hash.
    function terms() external view returns (string memory termsURI, bytes32 termsHash) {
        TermsStorage storage $ = _termsStorage();
        return ($.termsURI, $.termsHash);
    }

    /// @notice Implementation version.
    function version() external pure returns (string memory) {
        return "2";
    }

    function _setTerms(string calldata termsURI_, bytes32 termsHash_) private {
        if (bytes(termsURI_).length > MAX_URI_LENGTH) revert URITooLong();
        TermsStorage storage $ = _termsStorage();
        $.termsURI = termsURI_;
        $.termsHash = termsHash_;
        emit TermsSet(termsURI_, termsHash_);
    }

    function _termsStorage() private pure returns (TermsStorage storage $) {
        assembly {
            $.slot := TERMS_LOCATION
        }
    }
}
