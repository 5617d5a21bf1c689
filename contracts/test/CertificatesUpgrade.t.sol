// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IERC1967} from "@openzeppelin/contracts/interfaces/IERC1967.sol";
import {Certificates} from "../src/Certificates.sol";
import {CertificatesTestBase} from "./utils/CertificatesTestBase.sol";
import {CertificatesV2Mock} from "./mocks/CertificatesV2Mock.sol";
import {UUPSUpgradeChecks} from "./utils/UUPSUpgradeChecks.sol";

contract CertificatesUpgradeTest is CertificatesTestBase, UUPSUpgradeChecks {
    CertificatesV2Mock internal v2Implementation;
    bytes32 internal UPGRADER_ROLE;
    bytes32 internal GOVERNOR_ROLE;

    function _newV1Implementation() internal override returns (address) {
        return address(new Certificates());
    }

    function setUp() public {
        _deployCertificatesDefault();
        v2Implementation = new CertificatesV2Mock();
        UPGRADER_ROLE = certificates.UPGRADER_ROLE();
        GOVERNOR_ROLE = certificates.GOVERNOR_ROLE();
        address[] memory nonUpgraders = new address[](4);
        nonUpgraders[0] = stranger;
        nonUpgraders[1] = carol;
        nonUpgraders[2] = alice;
        nonUpgraders[3] = address(registry);
        _useUpgradeChecks(
            address(certificates),
            address(certificatesImplementation),
            address(v2Implementation),
            admin,
            bob,
            nonUpgraders,
            abi.encodeCall(Certificates.initialize, (stranger, stranger))
        );
    }

    /// Certificates of every kind: valid, revoked, expiring, by both issuers; an extra governor.
    function _populate() internal {
        _issue(carol, alice, 1);
        _issue(dave, alice, 3);
        _issue(carol, bob, 2, uint64(block.timestamp + 10 days));
        _issue(carol, dave, 2);
        _revoke(carol, 4);
        vm.prank(admin);
        certificates.grantRole(GOVERNOR_ROLE, stranger);
    }

    function _snapshot() internal view returns (bytes memory) {
        uint256[] memory ids = new uint256[](4);
        for (uint256 i; i < 4; ++i) {
            ids[i] = i + 1;
        }
        return abi.encode(
            certificates.getCertificates(ids),
            certificates.certificatesOf(alice),
            certificates.certificatesOf(bob),
            certificates.certificatesOf(dave),
            certificates.balanceOf(alice),
            certificates.totalIssued(),
            certificates.registry(),
            certificates.tokenURI(2)
        );
    }

    function _upgradeToV2() internal returns (CertificatesV2Mock v2) {
        vm.prank(admin);
        certificates.upgradeToAndCall(address(v2Implementation), "");
        v2 = CertificatesV2Mock(address(certificates));
    }

    function test_upgrade_toV2KeepsAllState() public {
        _populate();
        bytes memory before = _snapshot();

        vm.expectEmit(address(certificates));
        emit IERC1967.Upgraded(address(v2Implementation));
        CertificatesV2Mock v2 = _upgradeToV2();

        assertEq(v2.version(), "2");
        assertEq(_implementationOf(address(certificates)), address(v2Implementation));
        assertEq(keccak256(_snapshot()), keccak256(before), "certificates, lists and metadata unchanged");
        assertTrue(v2.getCertificate(4).revoked);
        assertEq(v2.ownerOf(3), bob);

        assertTrue(v2.hasRole(0x00, admin));
        assertTrue(v2.hasRole(GOVERNOR_ROLE, admin));
        assertTrue(v2.hasRole(UPGRADER_ROLE, admin));
        assertTrue(v2.hasRole(GOVERNOR_ROLE, stranger));
        assertFalse(v2.hasRole(UPGRADER_ROLE, stranger));
    }

    function test_upgrade_toV2KeepsWorking() public {
        _populate();
        CertificatesV2Mock v2 = _upgradeToV2();

        // Issuing appends to the subject's list and continues the ids.
        uint256 id = _issue(dave, alice, 2);
        assertEq(id, 5);
        uint256[] memory ofAlice = v2.certificatesOf(alice);
        assertEq(ofAlice.length, 3);
        assertEq(ofAlice[2], 5);

        // Revocation rules and soulbinding still hold.
        vm.prank(stranger);
        v2.revoke(1, "governance");
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(Certificates.AlreadyRevoked.selector, 4));
        v2.revoke(4, "again");
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(Certificates.Soulbound.selector));
        v2.transferFrom(alice, bob, 5);

        // Validity still follows expiry and the issuer's standing.
        vm.warp(block.timestamp + 10 days);
        assertFalse(v2.isValid(3));
        _suspend(dave);
        assertFalse(v2.isValid(5));
    }
}
