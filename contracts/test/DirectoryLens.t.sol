// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {console} from "forge-std/Test.sol";
import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {CollaboratorRegistry} from "../src/CollaboratorRegistry.sol";
import {Reputation} from "../src/Reputation.sol";
import {Certificates} from "../src/Certificates.sol";
import {DirectoryLens} from "../src/DirectoryLens.sol";
import {MarketplaceTestBase} from "./utils/MarketplaceTestBase.sol";

/// DirectoryLens over the four real modules, each behind its proxy. alice sells; bob sells and
/// rates; dave rates; carol buys.
abstract contract DirectoryLensTestBase is MarketplaceTestBase {
    Reputation internal rep;
    Certificates internal certs;
    DirectoryLens internal lens;

    function setUp() public virtual {
        vm.warp(1_700_000_000);
        rep = Reputation(
            address(
                new ERC1967Proxy(address(new Reputation()), abi.encodeCall(Reputation.initialize, (admin, address(0))))
            )
        );
        _deployMarketWith(address(rep)); // alice: service; bob: service + rating; dave: rating
        bytes32 marketRole = rep.MARKET_ROLE();
        vm.startPrank(admin);
        rep.setMarketplace(address(market));
        rep.grantRole(marketRole, address(market));
        vm.stopPrank();
        certs = Certificates(
            address(
                new ERC1967Proxy(
                    address(new Certificates()), abi.encodeCall(Certificates.initialize, (admin, address(registry)))
                )
            )
        );
        lens = new DirectoryLens(registry, rep, market, certs);
    }

    // ───────────────────────────── helpers ─────────────────────────────

    function _member(uint256 i) internal pure returns (address) {
        return address(uint160(0xB00000 + i));
    }

    /// `n` more collaborators; every other one a service collaborator with one listed service.
    function _crowd(uint256 n, string memory name, string memory uri) internal {
        for (uint256 i; i < n; ++i) {
            address who = _member(i);
            uint8 kinds = i % 2 == 0 ? 1 : 2;
            vm.deal(who, MIN_BOND);
            vm.prank(who);
            registry.join{value: MIN_BOND}(kinds, name, uri, uri, SOURCE_HASH);
            if (kinds == 1) _list(who, PRICE, DELIVERY_WINDOW);
        }
    }

    function _issue(address issuer, address subject, uint64 expiresAt) internal returns (uint256 id) {
        vm.prank(issuer);
        id = certs.issue(subject, 2, expiresAt, "ipfs://evidence");
    }

    function _rate(uint256 orderId, uint8 stars) internal {
        vm.prank(market.getOrder(orderId).buyer);
        rep.rate(orderId, stars, "");
    }

    function _assertEntry(DirectoryLens.Entry memory e, address account) internal view {
        CollaboratorRegistry.Collaborator memory r = registry.get(account);
        assertEq(e.record.account, r.account, "account");
        assertEq(e.record.kinds, r.kinds, "kinds");
        assertEq(uint8(e.record.status), uint8(r.status), "status");
        assertEq(e.record.bond, r.bond, "bond");
        assertEq(e.record.name, r.name, "name");
        assertEq(e.record.profileURI, r.profileURI, "profileURI");
        Reputation.Profile memory p = rep.profileOf(account);
        assertEq(e.xp, p.xp, "xp");
        assertEq(e.level, p.level, "level");
        assertEq(e.ratingCount, p.rating.count, "rating count");
        assertEq(e.ratingSum, p.rating.sum, "rating sum");
        uint256[] memory ids = certs.certificatesOf(account);
        uint256 valid;
        uint256 live;
        for (uint256 i; i < ids.length; ++i) {
            Certificates.Certificate memory c = certs.getCertificate(ids[i]);
            if (c.valid) ++valid;
            if (!c.revoked && c.expiresAt > block.timestamp) {
                assertEq(e.certificates[live].id, c.id, "live certificate id");
                assertEq(e.certificates[live].issuer, c.issuer, "live certificate issuer");
                assertEq(e.certificates[live].expiresAt, c.expiresAt, "live certificate expiry");
                ++live;
            }
        }
        assertEq(e.certificates.length, live, "live certificates");
        assertEq(e.validCertificates, valid, "valid certificates");
    }

}

/// Every field the lens returns must equal what the modules say one call at a time.
contract DirectoryLensTest is DirectoryLensTestBase {
    function test_pageMatchesTheModules() public {
        // alice sells two services (one taken off the market) and is rated 5 and 3 by carol.
        uint256 s1 = _list();
        uint256 s2 = _list();
        vm.prank(alice);
        market.setServiceActive(s2, false);
        for (uint8 stars = 5; stars >= 3; stars -= 2) {
            uint256 o = _order(carol, s1);
            _deliver(o);
            _accept(o);
            _rate(o, stars);
        }
        // bob (rating) certifies alice twice; dave (rating) once, then bob revokes one of his.
        uint256 kept = _issue(bob, alice, uint64(block.timestamp + 30 days));
        uint256 revoked = _issue(bob, alice, uint64(block.timestamp + 30 days));
        _issue(dave, alice, uint64(block.timestamp + 10 days));
        vm.prank(bob);
        certs.revoke(revoked, "mistake");

        (DirectoryLens.Header memory h, DirectoryLens.Entry[] memory entries) = lens.page(0, 500);
        assertEq(h.blockNumber, block.number);
        assertEq(h.timestamp, block.timestamp);
        assertEq(h.count, 3);
        assertEq(h.minBond, MIN_BOND);
        assertEq(h.stats.members, registry.stats().members);
        assertEq(h.stats.totalBonded, registry.stats().totalBonded);
        assertEq(entries.length, 3);
        address[3] memory order = [alice, bob, dave];
        for (uint256 i; i < 3; ++i) {
            _assertEntry(entries[i], order[i]);
        }
        DirectoryLens.Entry memory a = entries[0];
        assertEq(a.activeServices, 1, "one of alice's two services is active");
        assertEq(a.ratingCount, 2);
        assertEq(a.ratingSum, 8);
        assertGt(a.xp, 0);
        assertEq(a.certificates.length, 2, "revoked certificate left out");
        assertEq(a.certificates[0].id, kept);
        assertEq(a.validCertificates, 2);
        assertEq(entries[1].activeServices, 0);

        // Ten days on, dave's certificate has expired; bob's two (one revoked) run for 30 days.
        vm.warp(block.timestamp + 10 days);
        (, entries) = lens.page(0, 1);
        _assertEntry(entries[0], alice);
        assertEq(entries[0].certificates.length, 1);
        assertEq(entries[0].validCertificates, 1);

        // bob falls out of good standing: his certificate is still live but no longer valid.
        vm.prank(admin);
        registry.suspend(bob, "test");
        (, entries) = lens.page(0, 1);
        _assertEntry(entries[0], alice);
        assertEq(entries[0].certificates.length, 1);
        assertEq(entries[0].validCertificates, 0);
    }

    function test_getManyInTheOrderAsked() public {
        _list();
        address[] memory accounts = new address[](3);
        accounts[0] = dave;
        accounts[1] = stranger;
        accounts[2] = alice;
        (DirectoryLens.Header memory h, DirectoryLens.Entry[] memory entries) = lens.getMany(accounts);
        assertEq(h.count, 3);
        assertEq(entries.length, 3);
        _assertEntry(entries[0], dave);
        assertEq(entries[1].record.account, address(0), "never joined: zeroed record");
        assertEq(entries[1].activeServices, 0);
        _assertEntry(entries[2], alice);
        assertEq(entries[2].activeServices, 1);
    }

    function test_pagePastTheEndIsEmptyAndBadSizesRevert() public {
        (DirectoryLens.Header memory h, DirectoryLens.Entry[] memory entries) = lens.page(3, 10);
        assertEq(h.count, 3);
        assertEq(entries.length, 0);
        (, entries) = lens.page(1, 10);
        assertEq(entries.length, 2);
        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.InvalidPageSize.selector, 0));
        lens.page(0, 0);
        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.InvalidPageSize.selector, 501));
        lens.page(0, 501);
    }

    function test_emptyRegistry() public {
        CollaboratorRegistry empty;
        (, empty) = _deployRegistry(admin, MIN_BOND, UNBONDING_PERIOD);
        DirectoryLens other = new DirectoryLens(empty, rep, market, certs);
        (DirectoryLens.Header memory h, DirectoryLens.Entry[] memory entries) = other.page(0, 500);
        assertEq(h.count, 0);
        assertEq(entries.length, 0);
        assertEq(address(other.registry()), address(empty));
    }

    function test_activeServiceCounts() public {
        _list();
        uint256 off = _list();
        _list(bob, PRICE, DELIVERY_WINDOW);
        vm.prank(alice);
        market.setServiceActive(off, false);
        address[] memory sellers = new address[](3);
        sellers[0] = alice;
        sellers[1] = bob;
        sellers[2] = dave;
        uint256[] memory counts = market.activeServiceCounts(sellers);
        assertEq(counts[0], 1);
        assertEq(counts[1], 1);
        assertEq(counts[2], 0);
        vm.expectRevert(abi.encodeWithSignature("InvalidPageSize(uint256)", 501));
        market.activeServiceCounts(new address[](501));
    }
}

/// Gas of whole-page calls, as an eth_call runs them: the lens is the outermost frame, so the
/// call is made in assembly without copying the result back (the caller's decoding is not part of
/// an eth_call), and every collaborator is prepared in setUp (cold storage). Guards, not issue
/// budgets. An eth_call may use 30M gas on a default anvil (its block gas limit) and 50M on a
/// default geth (--rpc.gascap): a page of 500 needs ~31M, so the app reads pages of 200, which
/// stay under 20M even with the longest names and URIs (see lib/directoryReader.ts).
abstract contract DirectoryLensGasBase is DirectoryLensTestBase {
    function _measurePage(string memory label, uint256 limit, uint256 budget) internal view {
        address target = address(lens);
        bytes memory data = abi.encodeCall(DirectoryLens.page, (0, limit));
        bool ok;
        uint256 g = gasleft();
        assembly {
            ok := staticcall(gas(), target, add(data, 0x20), mload(data), 0, 0)
        }
        g -= gasleft();
        assertTrue(ok, "page reverted");
        console.log(string.concat("lens ", label), g, "budget", budget);
        assertLt(g, budget, string.concat(label, " over budget"));
    }
}

/// 500 collaborators named like the bench's, every other one selling a service.
contract DirectoryLensGasTest is DirectoryLensGasBase {
    function setUp() public override {
        super.setUp();
        _crowd(500, "Bench collaborator 1234", "https://example.org/c/1234");
    }

    function test_gas_page200() public view {
        _measurePage("page-200", 200, 12_000_000); // measured 10,578,346
    }

    function test_gas_page500() public view {
        _measurePage("page-500", 500, 35_000_000); // measured 30,763,969: why pages are 200
    }
}

/// The longest names (64 bytes) and URIs (256 bytes) the registry accepts.
contract DirectoryLensLongStringsGasTest is DirectoryLensGasBase {
    function setUp() public override {
        super.setUp();
        _crowd(500, _repeat(bytes1("n"), 64), string.concat("https://", _repeat(bytes1("u"), 248)));
    }

    function test_gas_page200LongStrings() public view {
        _measurePage("page-200-long-strings", 200, 22_000_000); // measured 19,465,681
    }
}
