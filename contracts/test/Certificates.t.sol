// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {IERC721Metadata} from "@openzeppelin/contracts/token/ERC721/extensions/IERC721Metadata.sol";
import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IERC4906} from "@openzeppelin/contracts/interfaces/IERC4906.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {Base64} from "@openzeppelin/contracts/utils/Base64.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";
import {Certificates} from "../src/Certificates.sol";
import {IERC5192} from "../src/interfaces/IERC5192.sol";
import {CertificatesTestBase} from "./utils/CertificatesTestBase.sol";

contract CertificatesTest is CertificatesTestBase {
    bytes32 internal constant STORAGE_LOCATION = 0x6c9af50a10943013f342bd2efb25a5a6fa1e4b4cdd83d4cebd50e976f5026b00;
    bytes32 internal constant DEFAULT_ADMIN_ROLE = 0x00;

    bytes32 internal GOVERNOR_ROLE;
    bytes32 internal UPGRADER_ROLE;

    function setUp() public {
        _deployCertificatesDefault();
        GOVERNOR_ROLE = certificates.GOVERNOR_ROLE();
        UPGRADER_ROLE = certificates.UPGRADER_ROLE();
    }

    // ───────────────────────────── helpers ─────────────────────────────

    function _expectNonexistent(uint256 id) internal {
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, id));
    }

    function _expectSoulbound() internal {
        vm.expectRevert(abi.encodeWithSelector(Certificates.Soulbound.selector));
    }

    function _inAYear() internal view returns (uint64) {
        return uint64(block.timestamp + 365 days);
    }

    function _json(uint256 id) internal view returns (string memory) {
        string memory uri = certificates.tokenURI(id);
        bytes memory prefix = bytes("data:application/json;base64,");
        bytes memory raw = bytes(uri);
        for (uint256 i; i < prefix.length; ++i) {
            assertEq(raw[i], prefix[i], "data URI prefix");
        }
        bytes memory b64 = new bytes(raw.length - prefix.length);
        for (uint256 i; i < b64.length; ++i) {
            b64[i] = raw[prefix.length + i];
        }
        return string(Base64.decode(string(b64)));
    }

    // ─────────────────────────── constants & setup ───────────────────────────

    function test_constants_haveDocumentedValues() public view {
        assertEq(certificates.LEVEL_BRONZE(), 1);
        assertEq(certificates.LEVEL_SILVER(), 2);
        assertEq(certificates.LEVEL_GOLD(), 3);
        assertEq(certificates.KIND_SERVICE(), registry.KIND_SERVICE());
        assertEq(certificates.KIND_RATING(), registry.KIND_RATING());
        assertEq(certificates.MAX_VALIDITY(), 730 days);
        assertEq(certificates.MAX_URI_LENGTH(), 256);
        assertEq(certificates.MAX_REASON_LENGTH(), 256);
        assertEq(certificates.MAX_PAGE_SIZE(), 500);
        assertEq(GOVERNOR_ROLE, keccak256("GOVERNOR_ROLE"));
        assertEq(UPGRADER_ROLE, keccak256("UPGRADER_ROLE"));
        assertEq(certificates.name(), "OSO Certificates");
        assertEq(certificates.symbol(), "OSOC");
    }

    function test_storageLocation_isErc7201Slot() public pure {
        bytes32 expected =
            keccak256(abi.encode(uint256(keccak256("oso.storage.Certificates")) - 1)) & ~bytes32(uint256(0xff));
        assertEq(STORAGE_LOCATION, expected);
    }

    function test_storage_certificateIsTwoPackedSlots() public {
        uint256 id = _issue(carol, alice, 3, uint64(START + 100 days));
        uint256 base = uint256(STORAGE_LOCATION);
        uint256 record = uint256(vm.load(address(certificates), keccak256(abi.encode(id, base + 1))));
        assertEq(address(uint160(record)), carol, "issuer");
        assertEq((record >> 160) & 0xff, 3, "level");
        assertEq((record >> 168) & 1, 0, "revoked");
        assertEq((record >> 176) & type(uint40).max, START + 100 days, "expiresAt");
        assertEq(record >> 216, START, "issuedAt");
        uint256 owner = uint256(vm.load(address(certificates), keccak256(abi.encode(id, base + 2))));
        assertEq(address(uint160(owner)), alice, "subject");
        assertEq(owner >> 160, 0, "no previous certificate");
        bytes32 slot0 = vm.load(address(certificates), STORAGE_LOCATION);
        assertEq(address(uint160(uint256(slot0))), address(registry));
        assertEq(uint256(slot0) >> 160, 1, "lastId");
    }

    function test_initialize_grantsRolesAndSetsRegistry() public view {
        assertTrue(certificates.hasRole(DEFAULT_ADMIN_ROLE, admin));
        assertTrue(certificates.hasRole(GOVERNOR_ROLE, admin));
        assertTrue(certificates.hasRole(UPGRADER_ROLE, admin));
        assertEq(certificates.registry(), address(registry));
        assertEq(certificates.totalIssued(), 0);
    }

    function test_initialize_emitsRegistrySet() public {
        Certificates impl = new Certificates();
        vm.expectEmit();
        emit Certificates.RegistrySet(address(registry));
        _deployProxy(impl, admin, address(registry));
    }

    function test_initialize_revertsForZeroAddresses() public {
        Certificates impl = new Certificates();
        vm.expectRevert(abi.encodeWithSelector(Certificates.ZeroAddress.selector));
        _deployProxy(impl, address(0), address(registry));
        vm.expectRevert(abi.encodeWithSelector(Certificates.ZeroAddress.selector));
        _deployProxy(impl, admin, address(0));
    }

    function test_initialize_revertsWhenCalledTwice() public {
        vm.expectRevert(abi.encodeWithSelector(Initializable.InvalidInitialization.selector));
        certificates.initialize(stranger, stranger);
    }

    function test_implementation_cannotBeInitialized() public {
        vm.expectRevert(abi.encodeWithSelector(Initializable.InvalidInitialization.selector));
        certificatesImplementation.initialize(stranger, stranger);
    }

    function test_supportsInterface() public view {
        assertTrue(certificates.supportsInterface(0xb45a3c0e), "ERC-5192");
        assertEq(type(IERC5192).interfaceId, bytes4(0xb45a3c0e));
        assertTrue(certificates.supportsInterface(0x80ac58cd), "ERC-721");
        assertEq(type(IERC721).interfaceId, bytes4(0x80ac58cd));
        assertTrue(certificates.supportsInterface(0x5b5e139f), "ERC-721 Metadata");
        assertEq(type(IERC721Metadata).interfaceId, bytes4(0x5b5e139f));
        assertTrue(certificates.supportsInterface(0x49064906), "ERC-4906");
        assertTrue(certificates.supportsInterface(0x01ffc9a7), "ERC-165");
        assertEq(type(IERC165).interfaceId, bytes4(0x01ffc9a7));
        assertTrue(certificates.supportsInterface(type(IAccessControl).interfaceId), "AccessControl");
        assertFalse(certificates.supportsInterface(0x780e9d63), "not Enumerable");
        assertFalse(certificates.supportsInterface(0xffffffff));
    }

    // ─────────────────────────────── issue ───────────────────────────────

    function test_issue_mintsLockedCertificateAndEmitsInOrder() public {
        uint64 expiresAt = _inAYear();
        vm.expectEmit(address(certificates));
        emit IERC721.Transfer(address(0), alice, 1);
        vm.expectEmit(address(certificates));
        emit IERC5192.Locked(1);
        vm.expectEmit(address(certificates));
        emit Certificates.Issued(1, carol, alice, 2, expiresAt, EVIDENCE_URI);
        vm.prank(carol);
        uint256 id = certificates.issue(alice, 2, expiresAt, EVIDENCE_URI);

        assertEq(id, 1);
        assertEq(certificates.totalIssued(), 1);
        assertEq(certificates.ownerOf(1), alice);
        assertEq(certificates.balanceOf(alice), 1);
        assertTrue(certificates.locked(1));
        assertTrue(certificates.isValid(1));
        assertEq(certificates.getApproved(1), address(0));

        Certificates.Certificate memory c = certificates.getCertificate(1);
        assertEq(c.id, 1);
        assertEq(c.subject, alice);
        assertEq(c.issuer, carol);
        assertEq(c.level, 2);
        assertFalse(c.revoked);
        assertEq(c.issuedAt, START);
        assertEq(c.expiresAt, expiresAt);
        assertTrue(c.valid);

        uint256[] memory ids = certificates.certificatesOf(alice);
        assertEq(ids.length, 1);
        assertEq(ids[0], 1);
    }

    function test_issue_everyLevel() public {
        for (uint8 level = 1; level <= 3; ++level) {
            uint256 id = _issue(carol, alice, level);
            assertEq(certificates.getCertificate(id).level, level);
        }
        assertEq(certificates.balanceOf(alice), 3);
    }

    function test_issue_byCollaboratorOfBothKindsAndToOne() public {
        uint256 a = _issue(dave, alice, 1); // dave rates too
        uint256 b = _issue(carol, dave, 3); // dave offers services too
        assertEq(certificates.ownerOf(a), alice);
        assertEq(certificates.ownerOf(b), dave);
        assertEq(certificates.getCertificate(a).issuer, dave);
    }

    function test_issue_expiryBounds() public {
        uint256 a = _issue(carol, alice, 1, uint64(block.timestamp + 1));
        uint256 b = _issue(carol, alice, 1, uint64(block.timestamp + 730 days));
        assertTrue(certificates.isValid(a));
        assertTrue(certificates.isValid(b));

        uint64[3] memory bad =
            [uint64(block.timestamp), uint64(block.timestamp - 1), uint64(block.timestamp + 730 days + 1)];
        for (uint256 i; i < bad.length; ++i) {
            vm.prank(carol);
            vm.expectRevert(abi.encodeWithSelector(Certificates.InvalidExpiry.selector, bad[i]));
            certificates.issue(alice, 1, bad[i], EVIDENCE_URI);
        }
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(Certificates.InvalidExpiry.selector, 0));
        certificates.issue(alice, 1, 0, EVIDENCE_URI);
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(Certificates.InvalidExpiry.selector, type(uint64).max));
        certificates.issue(alice, 1, type(uint64).max, EVIDENCE_URI);
    }

    function test_issue_revertsForInvalidLevel() public {
        uint8[3] memory bad = [0, 4, 255];
        for (uint256 i; i < bad.length; ++i) {
            vm.prank(carol);
            vm.expectRevert(abi.encodeWithSelector(Certificates.InvalidLevel.selector, bad[i]));
            certificates.issue(alice, bad[i], _inAYear(), EVIDENCE_URI);
        }
    }

    function test_issue_evidenceURILength() public {
        string memory max = _repeat("e", 256);
        vm.expectEmit(address(certificates));
        emit Certificates.Issued(1, carol, alice, 1, _inAYear(), max);
        vm.prank(carol);
        certificates.issue(alice, 1, _inAYear(), max);
        vm.prank(carol);
        certificates.issue(alice, 1, _inAYear(), "");

        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(Certificates.URITooLong.selector));
        certificates.issue(alice, 1, _inAYear(), _repeat("e", 257));
    }

    function test_issue_revertsForSelfCertification() public {
        vm.prank(dave);
        vm.expectRevert(abi.encodeWithSelector(Certificates.SelfCertification.selector));
        certificates.issue(dave, 3, _inAYear(), EVIDENCE_URI);
    }

    function test_issue_revertsForNonCollaborator() public {
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(Certificates.NotCertifier.selector, stranger));
        certificates.issue(alice, 1, _inAYear(), EVIDENCE_URI);
    }

    function test_issue_revertsForServiceOnlyCollaborator() public {
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(Certificates.NotCertifier.selector, bob));
        certificates.issue(alice, 1, _inAYear(), EVIDENCE_URI);
    }

    function test_issue_revertsForSuspendedRater() public {
        _suspend(carol);
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(Certificates.NotCertifier.selector, carol));
        certificates.issue(alice, 1, _inAYear(), EVIDENCE_URI);

        vm.prank(admin);
        registry.reinstate(carol);
        _issue(carol, alice, 1);
    }

    function test_issue_revertsForRaterThatLeft() public {
        _leave(carol);
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(Certificates.NotCertifier.selector, carol));
        certificates.issue(alice, 1, _inAYear(), EVIDENCE_URI);
    }

    /// Active with the rating kind but below the minimum bond: not in good standing.
    function test_issue_revertsForRaterBelowMinimumBond() public {
        _slash(carol, 1, treasury);
        assertTrue(registry.hasKinds(carol, RATING));
        assertFalse(registry.isInGoodStanding(carol));
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(Certificates.NotCertifier.selector, carol));
        certificates.issue(alice, 1, _inAYear(), EVIDENCE_URI);

        // Topping the bond up restores the right to issue.
        vm.deal(carol, 1);
        vm.prank(carol);
        registry.addBond{value: 1}();
        _issue(carol, alice, 1);
    }

    function test_issue_revertsWhenMinimumBondRaisedAboveIssuersBond() public {
        vm.prank(admin);
        registry.setMinBond(MIN_BOND + 1);
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(Certificates.NotCertifier.selector, carol));
        certificates.issue(alice, 1, _inAYear(), EVIDENCE_URI);
    }

    function test_issue_revertsForSubjectThatIsNotAServiceCollaborator() public {
        address[3] memory bad = [stranger, address(0), makeAddr("rater2")];
        _join(bad[2], RATING, MIN_BOND);
        for (uint256 i; i < bad.length; ++i) {
            vm.prank(carol);
            vm.expectRevert(abi.encodeWithSelector(Certificates.NotServiceCollaborator.selector, bad[i]));
            certificates.issue(bad[i], 1, _inAYear(), EVIDENCE_URI);
        }
    }

    function test_issue_revertsForSuspendedOrDepartedSubject() public {
        _suspend(alice);
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(Certificates.NotServiceCollaborator.selector, alice));
        certificates.issue(alice, 1, _inAYear(), EVIDENCE_URI);

        _leave(bob);
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(Certificates.NotServiceCollaborator.selector, bob));
        certificates.issue(bob, 1, _inAYear(), EVIDENCE_URI);
    }

    /// Cheap argument checks come before the registry is asked, in a fixed order.
    function test_issue_checkOrder() public {
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(Certificates.SelfCertification.selector));
        certificates.issue(stranger, 0, 0, _repeat("e", 300));

        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(Certificates.InvalidLevel.selector, 0));
        certificates.issue(alice, 0, 0, _repeat("e", 300));

        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(Certificates.InvalidExpiry.selector, 0));
        certificates.issue(alice, 1, 0, _repeat("e", 300));

        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(Certificates.URITooLong.selector));
        certificates.issue(alice, 1, _inAYear(), _repeat("e", 300));

        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(Certificates.NotCertifier.selector, stranger));
        certificates.issue(alice, 1, _inAYear(), "");
    }

    function test_issue_idsIncrementAndListsStayPerSubject() public {
        uint256 a1 = _issue(carol, alice, 1);
        uint256 b1 = _issue(carol, bob, 2);
        uint256 a2 = _issue(dave, alice, 3);
        uint256 b2 = _issue(dave, bob, 1);
        uint256 a3 = _issue(carol, alice, 2);
        assertEq(a1, 1);
        assertEq(b1, 2);
        assertEq(a2, 3);
        assertEq(b2, 4);
        assertEq(a3, 5);
        assertEq(certificates.totalIssued(), 5);

        uint256[] memory ofAlice = certificates.certificatesOf(alice);
        assertEq(ofAlice.length, 3);
        assertEq(ofAlice[0], a1);
        assertEq(ofAlice[1], a2);
        assertEq(ofAlice[2], a3);
        uint256[] memory ofBob = certificates.certificatesOf(bob);
        assertEq(ofBob.length, 2);
        assertEq(ofBob[0], b1);
        assertEq(ofBob[1], b2);
        assertEq(certificates.certificatesOf(stranger).length, 0);
        assertEq(certificates.balanceOf(alice), 3);
        assertEq(certificates.balanceOf(bob), 2);
        assertEq(certificates.balanceOf(stranger), 0);
    }

    // ─────────────────────────────── revoke ───────────────────────────────

    function test_revoke_byIssuerEmitsAndInvalidates() public {
        uint256 id = _issue(carol, alice, 2);
        vm.expectEmit(address(certificates));
        emit Certificates.Revoked(id, carol, "evidence withdrawn");
        vm.expectEmit(address(certificates));
        emit IERC4906.MetadataUpdate(id);
        _revoke(carol, id);

        Certificates.Certificate memory c = certificates.getCertificate(id);
        assertTrue(c.revoked);
        assertFalse(c.valid);
        assertFalse(certificates.isValid(id));
        // The token stays with its subject, locked.
        assertEq(certificates.ownerOf(id), alice);
        assertTrue(certificates.locked(id));
        assertEq(certificates.balanceOf(alice), 1);
        assertEq(certificates.certificatesOf(alice)[0], id);
    }

    function test_revoke_byGovernor() public {
        uint256 id = _issue(carol, alice, 2);
        vm.expectEmit(address(certificates));
        emit Certificates.Revoked(id, admin, "issuer misconduct");
        vm.prank(admin);
        certificates.revoke(id, "issuer misconduct");
        assertFalse(certificates.isValid(id));

        vm.prank(admin);
        certificates.grantRole(GOVERNOR_ROLE, stranger);
        uint256 other = _issue(carol, bob, 1);
        vm.prank(stranger);
        certificates.revoke(other, "");
        assertTrue(certificates.getCertificate(other).revoked);
    }

    function test_revoke_byIssuerEvenWhenNoLongerInGoodStanding() public {
        uint256 id = _issue(carol, alice, 2);
        _suspend(carol);
        _revoke(carol, id);
        assertTrue(certificates.getCertificate(id).revoked);
    }

    function test_revoke_revertsForOthers() public {
        uint256 id = _issue(carol, alice, 2);
        address[4] memory others = [stranger, alice, dave, address(registry)];
        for (uint256 i; i < others.length; ++i) {
            vm.prank(others[i]);
            vm.expectRevert(abi.encodeWithSelector(Certificates.NotIssuerOrGovernor.selector, id, others[i]));
            certificates.revoke(id, "no");
        }
        // An upgrader is not a governor.
        vm.startPrank(admin);
        certificates.grantRole(UPGRADER_ROLE, bob);
        vm.stopPrank();
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(Certificates.NotIssuerOrGovernor.selector, id, bob));
        certificates.revoke(id, "no");
        assertFalse(certificates.getCertificate(id).revoked);
    }

    function test_revoke_revertsWhenAlreadyRevoked() public {
        uint256 id = _issue(carol, alice, 2);
        _revoke(carol, id);
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(Certificates.AlreadyRevoked.selector, id));
        certificates.revoke(id, "again");
    }

    function test_revoke_revertsForNonexistent() public {
        _expectNonexistent(0);
        vm.prank(admin);
        certificates.revoke(0, "");
        _issue(carol, alice, 2);
        _expectNonexistent(2);
        vm.prank(admin);
        certificates.revoke(2, "");
    }

    function test_revoke_reasonLength() public {
        uint256 id = _issue(carol, alice, 2);
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(Certificates.ReasonTooLong.selector));
        certificates.revoke(id, _repeat("r", 257));
        vm.prank(carol);
        certificates.revoke(id, _repeat("r", 256));
        assertTrue(certificates.getCertificate(id).revoked);
    }

    function test_revoke_expiredCertificateStillRecordsIt() public {
        uint256 id = _issue(carol, alice, 2, uint64(block.timestamp + 1 days));
        vm.warp(block.timestamp + 2 days);
        assertFalse(certificates.isValid(id));
        _revoke(carol, id);
        assertTrue(certificates.getCertificate(id).revoked);
    }

    // ─────────────────────────────── validity ───────────────────────────────

    function test_isValid_untilExpiry() public {
        uint64 expiresAt = uint64(block.timestamp + 30 days);
        uint256 id = _issue(carol, alice, 1, expiresAt);
        vm.warp(expiresAt - 1);
        assertTrue(certificates.isValid(id));
        vm.warp(expiresAt);
        assertFalse(certificates.isValid(id));
        assertFalse(certificates.getCertificate(id).valid);
        assertFalse(certificates.getCertificate(id).revoked);
    }

    function test_isValid_followsIssuerStanding() public {
        uint256 id = _issue(carol, alice, 1);
        _suspend(carol);
        assertFalse(certificates.isValid(id));
        vm.prank(admin);
        registry.reinstate(carol);
        assertTrue(certificates.isValid(id));

        _slash(carol, 1, treasury);
        assertFalse(certificates.isValid(id));
        vm.prank(admin);
        registry.setMinBond(MIN_BOND - 1);
        assertTrue(certificates.isValid(id));

        _leave(carol);
        assertFalse(certificates.isValid(id));
    }

    /// The issuer's kinds matter for issuing only; the subject's standing does not matter at all.
    function test_isValid_ignoresSubjectStandingAndIssuerKinds() public {
        uint256 id = _issue(dave, alice, 1);
        vm.prank(dave);
        registry.update(SERVICE, NAME, PROFILE_URI, SOURCE_URI, SOURCE_HASH); // dave stops rating
        assertTrue(certificates.isValid(id));
        _suspend(alice);
        assertTrue(certificates.isValid(id));
    }

    function test_isValid_falseForNonexistent() public view {
        assertFalse(certificates.isValid(0));
        assertFalse(certificates.isValid(1));
        assertFalse(certificates.isValid(type(uint256).max));
    }

    // ─────────────────────────── soulbound ERC-721 ───────────────────────────

    function test_transfers_alwaysRevert() public {
        uint256 id = _issue(carol, alice, 1);
        address[3] memory callers = [alice, admin, carol];
        for (uint256 i; i < callers.length; ++i) {
            vm.startPrank(callers[i]);
            _expectSoulbound();
            certificates.transferFrom(alice, bob, id);
            _expectSoulbound();
            certificates.safeTransferFrom(alice, bob, id);
            _expectSoulbound();
            certificates.safeTransferFrom(alice, bob, id, "");
            _expectSoulbound();
            certificates.approve(bob, id);
            _expectSoulbound();
            certificates.setApprovalForAll(bob, true);
            vm.stopPrank();
        }
        assertEq(certificates.ownerOf(id), alice);
        assertEq(certificates.balanceOf(bob), 0);
        assertFalse(certificates.isApprovedForAll(alice, bob));
        assertEq(certificates.getApproved(id), address(0));
    }

    function test_erc721Reads_revertForNonexistentOrZero() public {
        _expectNonexistent(1);
        certificates.ownerOf(1);
        _expectNonexistent(1);
        certificates.locked(1);
        _expectNonexistent(1);
        certificates.getApproved(1);
        _expectNonexistent(1);
        certificates.tokenURI(1);
        _expectNonexistent(1);
        certificates.getCertificate(1);
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721InvalidOwner.selector, address(0)));
        certificates.balanceOf(address(0));
    }

    // ─────────────────────────── batch reads ───────────────────────────

    function test_getCertificates_batchWithValidity() public {
        uint256 a = _issue(carol, alice, 1);
        uint256 b = _issue(dave, bob, 3);
        uint256 c = _issue(carol, bob, 2, uint64(block.timestamp + 1 days));
        _revoke(carol, a);
        vm.warp(block.timestamp + 2 days);
        uint256[] memory ids = new uint256[](3);
        ids[0] = c;
        ids[1] = a;
        ids[2] = b;
        Certificates.Certificate[] memory out = certificates.getCertificates(ids);
        assertEq(out.length, 3);
        assertEq(out[0].id, c);
        assertFalse(out[0].valid, "expired");
        assertFalse(out[0].revoked);
        assertEq(out[1].id, a);
        assertTrue(out[1].revoked);
        assertFalse(out[1].valid);
        assertEq(out[2].id, b);
        assertTrue(out[2].valid);
        assertEq(out[2].issuer, dave);
        assertEq(out[2].subject, bob);
        assertEq(out[2].level, 3);
        assertEq(certificates.getCertificates(new uint256[](0)).length, 0);
    }

    function test_getCertificates_revertsForNonexistentOrTooMany() public {
        _issue(carol, alice, 1);
        uint256[] memory ids = new uint256[](2);
        ids[0] = 1;
        ids[1] = 2;
        _expectNonexistent(2);
        certificates.getCertificates(ids);
        vm.expectRevert(abi.encodeWithSelector(Certificates.InvalidPageSize.selector, 501));
        certificates.getCertificates(new uint256[](501));
    }

    function test_getCertificates_acceptsMaxPage() public {
        uint256 id = _issue(carol, alice, 1);
        uint256[] memory ids = new uint256[](500);
        for (uint256 i; i < ids.length; ++i) {
            ids[i] = id;
        }
        assertEq(certificates.getCertificates(ids).length, 500);
    }

    // ─────────────────────────────── metadata ───────────────────────────────

    function test_levelName() public {
        assertEq(certificates.levelName(1), "Bronze");
        assertEq(certificates.levelName(2), "Silver");
        assertEq(certificates.levelName(3), "Gold");
        vm.expectRevert(abi.encodeWithSelector(Certificates.InvalidLevel.selector, 0));
        certificates.levelName(0);
        vm.expectRevert(abi.encodeWithSelector(Certificates.InvalidLevel.selector, 4));
        certificates.levelName(4);
    }

    function test_tokenURI_isOnChainJsonWithAttributes() public {
        uint64 expiresAt = _inAYear();
        uint256 id = _issue(carol, alice, 3, expiresAt);
        string memory json = _json(id);

        assertEq(vm.parseJsonString(json, ".name"), "OSO Gold Certificate #1");
        assertTrue(bytes(vm.parseJsonString(json, ".description")).length > 0);
        string memory image = vm.parseJsonString(json, ".image");
        assertTrue(_startsWith(image, "data:image/svg+xml;base64,"));

        assertEq(vm.parseJsonString(json, ".attributes[0].trait_type"), "Level");
        assertEq(vm.parseJsonString(json, ".attributes[0].value"), "Gold");
        assertEq(vm.parseJsonString(json, ".attributes[1].trait_type"), "Issuer");
        assertEq(vm.parseJsonString(json, ".attributes[1].value"), Strings.toChecksumHexString(carol));
        assertEq(vm.parseJsonString(json, ".attributes[2].trait_type"), "Subject");
        assertEq(vm.parseJsonString(json, ".attributes[2].value"), Strings.toChecksumHexString(alice));
        assertEq(vm.parseJsonString(json, ".attributes[3].trait_type"), "Issued");
        assertEq(vm.parseJsonString(json, ".attributes[3].display_type"), "date");
        assertEq(vm.parseJsonUint(json, ".attributes[3].value"), START);
        assertEq(vm.parseJsonString(json, ".attributes[4].trait_type"), "Expires");
        assertEq(vm.parseJsonUint(json, ".attributes[4].value"), expiresAt);
        assertEq(vm.parseJsonString(json, ".attributes[5].trait_type"), "Revoked");
        assertEq(vm.parseJsonString(json, ".attributes[5].value"), "false");
        assertEq(vm.parseJsonString(json, ".attributes[6].trait_type"), "Valid");
        assertEq(vm.parseJsonString(json, ".attributes[6].value"), "true");
    }

    function test_tokenURI_reflectsRevocationExpiryAndLevel() public {
        uint256 bronze = _issue(carol, alice, 1);
        uint256 silver = _issue(carol, bob, 2, uint64(block.timestamp + 1 days));
        _revoke(carol, bronze);
        vm.warp(block.timestamp + 2 days);

        string memory a = _json(bronze);
        assertEq(vm.parseJsonString(a, ".name"), "OSO Bronze Certificate #1");
        assertEq(vm.parseJsonString(a, ".attributes[5].value"), "true");
        assertEq(vm.parseJsonString(a, ".attributes[6].value"), "false");
        string memory svgA = _svg(a);
        assertTrue(_contains(svgA, "REVOKED"));
        assertTrue(_contains(svgA, "#cd7f32"));

        string memory b = _json(silver);
        assertEq(vm.parseJsonString(b, ".name"), "OSO Silver Certificate #2");
        assertEq(vm.parseJsonString(b, ".attributes[0].value"), "Silver");
        assertEq(vm.parseJsonString(b, ".attributes[5].value"), "false");
        assertEq(vm.parseJsonString(b, ".attributes[6].value"), "false");
        string memory svgB = _svg(b);
        assertTrue(_contains(svgB, "NOT VALID"));
        assertTrue(_contains(svgB, "#b8c2cc"));
        assertTrue(_contains(svgB, "OSO Certificate #2"));
    }

    function test_tokenURI_validGoldBadge() public {
        uint256 id = _issue(carol, alice, 3);
        string memory svg = _svg(_json(id));
        assertTrue(_startsWith(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assertTrue(_contains(svg, ">VALID<"));
        assertTrue(_contains(svg, "#d4a017"));
        assertTrue(_contains(svg, ">Gold<"));
    }

    // ─────────────────────────────── fuzz ───────────────────────────────

    function testFuzz_issue_levelAndExpiryRules(uint8 level, uint64 expiresAt) public {
        bool ok = true;
        bytes memory err;
        if (level == 0 || level > 3) {
            ok = false;
            err = abi.encodeWithSelector(Certificates.InvalidLevel.selector, level);
        } else if (expiresAt <= block.timestamp || expiresAt > block.timestamp + 730 days) {
            ok = false;
            err = abi.encodeWithSelector(Certificates.InvalidExpiry.selector, expiresAt);
        }
        if (!ok) vm.expectRevert(err);
        vm.prank(carol);
        certificates.issue(alice, level, expiresAt, EVIDENCE_URI);
        if (ok) {
            Certificates.Certificate memory c = certificates.getCertificate(1);
            assertEq(c.level, level);
            assertEq(c.expiresAt, expiresAt);
            assertTrue(c.valid);
        }
    }

    function testFuzz_isValid_exactlyBeforeExpiry(uint256 validity, uint256 elapsed) public {
        validity = bound(validity, 1, 730 days);
        elapsed = bound(elapsed, 0, 800 days);
        uint64 expiresAt = uint64(block.timestamp + validity);
        uint256 id = _issue(carol, alice, 2, expiresAt);
        vm.warp(block.timestamp + elapsed);
        assertEq(certificates.isValid(id), block.timestamp < expiresAt);
        assertTrue(certificates.locked(id));
    }

    function testFuzz_transfers_neverSucceed(address caller, address from, address to, uint256 idSeed, bool approved)
        public
    {
        _issue(carol, alice, 1);
        _issue(dave, bob, 2);
        uint256 id = bound(idSeed, 0, 3);
        vm.startPrank(caller);
        _expectSoulbound();
        certificates.transferFrom(from, to, id);
        _expectSoulbound();
        certificates.safeTransferFrom(from, to, id);
        _expectSoulbound();
        certificates.safeTransferFrom(from, to, id, abi.encode(idSeed));
        _expectSoulbound();
        certificates.approve(to, id);
        _expectSoulbound();
        certificates.setApprovalForAll(to, approved);
        vm.stopPrank();
        assertEq(certificates.ownerOf(1), alice);
        assertEq(certificates.ownerOf(2), bob);
        assertFalse(certificates.isApprovedForAll(from, to));
    }

    // ─────────────────────────── internals ───────────────────────────

    function _deployProxy(Certificates impl, address admin_, address registry_) internal returns (Certificates) {
        return Certificates(
            address(new ERC1967Proxy(address(impl), abi.encodeCall(Certificates.initialize, (admin_, registry_))))
        );
    }

    function _svg(string memory json) internal pure returns (string memory) {
        string memory image = vm.parseJsonString(json, ".image");
        bytes memory raw = bytes(image);
        uint256 skip = bytes("data:image/svg+xml;base64,").length;
        bytes memory b64 = new bytes(raw.length - skip);
        for (uint256 i; i < b64.length; ++i) {
            b64[i] = raw[skip + i];
        }
        return string(Base64.decode(string(b64)));
    }

    function _startsWith(string memory s, string memory prefix) internal pure returns (bool) {
        bytes memory a = bytes(s);
        bytes memory p = bytes(prefix);
        if (a.length < p.length) return false;
        for (uint256 i; i < p.length; ++i) {
            if (a[i] != p[i]) return false;
        }
        return true;
    }

    function _contains(string memory s, string memory needle) internal pure returns (bool) {
        bytes memory a = bytes(s);
        bytes memory n = bytes(needle);
        if (n.length > a.length) return false;
        for (uint256 i; i + n.length <= a.length; ++i) {
            bool hit = true;
            for (uint256 j; j < n.length; ++j) {
                if (a[i + j] != n[j]) {
                    hit = false;
                    break;
                }
            }
            if (hit) return true;
        }
        return false;
    }
}
