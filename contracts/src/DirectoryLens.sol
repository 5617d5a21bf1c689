// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {CollaboratorRegistry} from "./CollaboratorRegistry.sol";
import {Reputation} from "./Reputation.sol";
import {Marketplace} from "./Marketplace.sol";
import {Certificates} from "./Certificates.sol";

/// @title DirectoryLens
/// @notice Read-only view over OSO's modules for directory pages: one `eth_call` returns a page of
/// collaborators with, for each, the registry record, the reputation aggregate, the number of
/// active services and the certificates that are still unrevoked and unexpired — plus the
/// registry's header (count, stats, minimum bond) and the block it was read at.
/// @dev Stateless and not upgradeable: it holds only the four module addresses, which are
/// proxies, so it follows their upgrades; a new lens is deployed when a module moves. It writes
/// nothing and defines no errors: a bad page size reverts with the registry's `InvalidPageSize`.
/// Gas grows with the page, ~53k per collaborator and ~97k with the longest names and URIs (cold
/// storage, see DirectoryLens.t.sol): a page of 500 can exceed a node's eth_call gas cap (30M on a
/// default anvil), so callers keep pages to a few hundred (the app reads 200).
contract DirectoryLens {
    /// @notice The registry's aggregates as of `blockNumber`.
    struct Header {
        uint256 blockNumber;
        uint256 timestamp;
        uint256 count;
        CollaboratorRegistry.Stats stats;
        uint256 minBond;
    }

    /// @notice A certificate that was neither revoked nor expired at the block read. Whether it
    /// counts as valid also depends on its issuer's standing, which `Entry.validCertificates` adds.
    struct LiveCertificate {
        uint256 id;
        address issuer;
        uint64 expiresAt;
    }

    /// @notice One collaborator as a directory lists it.
    struct Entry {
        CollaboratorRegistry.Collaborator record;
        uint256 xp;
        uint8 level;
        uint64 ratingCount;
        uint64 ratingSum;
        uint256 activeServices;
        /// Certificates valid now: unrevoked, unexpired and from an issuer in good standing.
        uint256 validCertificates;
        LiveCertificate[] certificates;
    }

    /// @notice The CollaboratorRegistry (proxy) read by this lens.
    CollaboratorRegistry public immutable registry;
    /// @notice The Reputation (proxy) read by this lens.
    Reputation public immutable reputation;
    /// @notice The Marketplace (proxy) read by this lens.
    Marketplace public immutable marketplace;
    /// @notice The Certificates (proxy) read by this lens.
    Certificates public immutable certificates;

    /// @param registry_ The CollaboratorRegistry proxy.
    /// @param reputation_ The Reputation proxy.
    /// @param marketplace_ The Marketplace proxy.
    /// @param certificates_ The Certificates proxy.
    constructor(
        CollaboratorRegistry registry_,
        Reputation reputation_,
        Marketplace marketplace_,
        Certificates certificates_
    ) {
        registry = registry_;
        reputation = reputation_;
        marketplace = marketplace_;
        certificates = certificates_;
    }

    /// @notice The registry's header, as of this block.
    function header() public view returns (Header memory h) {
        h.blockNumber = block.number;
        h.timestamp = block.timestamp;
        h.count = registry.count();
        h.stats = registry.stats();
        h.minBond = registry.minBond();
    }

    /// @notice Collaborators in join order from `offset`, at most `limit` of them, with their
    /// reputation, active services and live certificates, and the registry's header.
    /// @param offset Index of the first record (past the end: no entries, header only).
    /// @param limit Largest number of entries, 1..the registry's MAX_PAGE_SIZE (500).
    /// @return h The registry's header at this block.
    /// @return entries The page, in join order.
    function page(uint256 offset, uint256 limit) external view returns (Header memory h, Entry[] memory entries) {
        h = header();
        entries = _entries(registry.page(offset, limit));
    }

    /// @notice Several collaborators by address, in the order asked (an address that never joined
    /// gets a zeroed record), with the registry's header.
    /// @param accounts At most the registry's MAX_PAGE_SIZE (500) addresses.
    /// @return h The registry's header at this block.
    /// @return entries One entry per address.
    function getMany(address[] calldata accounts) external view returns (Header memory h, Entry[] memory entries) {
        h = header();
        entries = _entries(registry.getMany(accounts));
    }

    function _entries(CollaboratorRegistry.Collaborator[] memory records) private view returns (Entry[] memory out) {
        uint256 n = records.length;
        out = new Entry[](n);
        if (n == 0) return out;
        address[] memory accounts = new address[](n);
        for (uint256 i; i < n; ++i) {
            accounts[i] = records[i].account;
        }
        Reputation.Profile[] memory profiles = reputation.profilesOf(accounts);
        uint256[] memory active = marketplace.activeServiceCounts(accounts);
        for (uint256 i; i < n; ++i) {
            Entry memory e = out[i];
            e.record = records[i];
            e.xp = profiles[i].xp;
            e.level = profiles[i].level;
            e.ratingCount = profiles[i].rating.count;
            e.ratingSum = profiles[i].rating.sum;
            e.activeServices = active[i];
            (e.certificates, e.validCertificates) = _liveCertificates(accounts[i]);
        }
    }

    /// @dev The subject's unrevoked, unexpired certificates and how many of them are valid.
    function _liveCertificates(address subject) private view returns (LiveCertificate[] memory live, uint256 valid) {
        uint256[] memory ids = certificates.certificatesOf(subject);
        if (ids.length == 0) return (live, 0);
        uint256 chunk = certificates.MAX_PAGE_SIZE();
        LiveCertificate[] memory found = new LiveCertificate[](ids.length);
        uint256 n;
        for (uint256 start; start < ids.length; start += chunk) {
            uint256 end = start + chunk < ids.length ? start + chunk : ids.length;
            uint256[] memory part = new uint256[](end - start);
            for (uint256 i = start; i < end; ++i) {
                part[i - start] = ids[i];
            }
            Certificates.Certificate[] memory certs = certificates.getCertificates(part);
            for (uint256 i; i < certs.length; ++i) {
                Certificates.Certificate memory c = certs[i];
                if (c.revoked || c.expiresAt <= block.timestamp) continue;
                found[n++] = LiveCertificate({id: c.id, issuer: c.issuer, expiresAt: c.expiresAt});
                if (c.valid) ++valid;
            }
        }
        live = new LiveCertificate[](n);
        for (uint256 i; i < n; ++i) {
            live[i] = found[i];
        }
    }
}
