// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {Certificates} from "../../src/Certificates.sol";
import {CollaboratorRegistryTestBase} from "./CollaboratorRegistryTestBase.sol";

/// Shared deployment and helpers for the Certificates test suites, on a real CollaboratorRegistry.
/// carol rates (KIND_RATING), alice and bob offer services (KIND_SERVICE), dave does both;
/// `stranger` never joins.
abstract contract CertificatesTestBase is CollaboratorRegistryTestBase {
    uint256 internal constant START = 1_700_000_000;
    uint8 internal constant SERVICE = 1;
    uint8 internal constant RATING = 2;
    string internal constant EVIDENCE_URI = "ipfs://bafybeihkoviema7g3gxyt6la7vd5ho32ictqbilu3wnlo3rs7ewhnp7lly";

    Certificates internal certificates;
    Certificates internal certificatesImplementation;

    function _deployCertificates(address admin_, address registry_)
        internal
        returns (Certificates impl, Certificates proxy)
    {
        impl = new Certificates();
        proxy = Certificates(
            address(new ERC1967Proxy(address(impl), abi.encodeCall(Certificates.initialize, (admin_, registry_))))
        );
    }

    /// Registry with carol (rating), alice and bob (service), dave (both); certificates on top.
    function _deployCertificatesDefault() internal {
        vm.warp(START);
        _deployDefault();
        (certificatesImplementation, certificates) = _deployCertificates(admin, address(registry));
        _join(carol, RATING, MIN_BOND);
        _join(alice, SERVICE, MIN_BOND);
        _join(bob, SERVICE, MIN_BOND);
        _join(dave, SERVICE | RATING, MIN_BOND);
    }

    function _issue(address issuer, address to, uint8 level) internal returns (uint256) {
        return _issue(issuer, to, level, uint64(block.timestamp + 365 days));
    }

    function _issue(address issuer, address to, uint8 level, uint64 expiresAt) internal returns (uint256) {
        vm.prank(issuer);
        return certificates.issue(to, level, expiresAt, EVIDENCE_URI);
    }

    function _revoke(address by, uint256 id) internal {
        vm.prank(by);
        certificates.revoke(id, "evidence withdrawn");
    }
}
