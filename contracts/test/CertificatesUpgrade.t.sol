// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC1967} from "@openzeppelin/contracts/interfaces/IERC1967.sol";
import {ERC1967Utils} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Utils.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts/proxy/utils/UUPSUpgradeable.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {Certificates} from "../src/Certificates.sol";
import {CertificatesTestBase} from "./utils/CertificatesTestBase.sol";
import {CertificatesV2Mock} from "./mocks/CertificatesV2Mock.sol";
import {NotUUPSImplementation, WrongUUIDImplementation} from "./mocks/UpgradeTargets.sol";

contract CertificatesUpgradeTest is CertificatesTestBase {
    CertificatesV2Mock internal v2Implementation;
    bytes32 internal UPGRADER_ROLE;
    bytes32 internal GOVERNOR_ROLE;

    function setUp() public {
        _deployCertificatesDefault();
        v2Implementation = new CertificatesV2Mock();
        UPGRADER_ROLE = certificates.UPGRADER_ROLE();
        GOVERNOR_ROLE = certificates.GOVERNOR_ROLE();
    }

    function _implementationOf(address proxy) internal view returns (address) {
        return address(uint160(uint256(vm.load(proxy, ERC1967Utils.IMPLEMENTATION_SLOT))));
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

    function test_upgrade_withCallRunsReinitializerOnce() public {
        vm.expectEmit(address(certificates));
        emit CertificatesV2Mock.UpgradedToV2();
        vm.prank(admin);
        certificates.upgradeToAndCall(address(v2Implementation), abi.encodeCall(CertificatesV2Mock.initializeV2, ()));

        CertificatesV2Mock v2 = CertificatesV2Mock(address(certificates));
        vm.expectRevert(abi.encodeWithSelector(Initializable.InvalidInitialization.selector));
        v2.initializeV2();
        vm.expectRevert(abi.encodeWithSelector(Initializable.InvalidInitialization.selector));
        v2.initialize(stranger, stranger);
    }

    function test_upgrade_revertsForNonUpgrader() public {
        address[4] memory callers = [stranger, carol, alice, address(registry)];
        for (uint256 i; i < callers.length; ++i) {
            vm.prank(callers[i]);
            vm.expectRevert(
                abi.encodeWithSelector(
                    IAccessControl.AccessControlUnauthorizedAccount.selector, callers[i], UPGRADER_ROLE
                )
            );
            certificates.upgradeToAndCall(address(v2Implementation), "");
        }

        // A governor is not an upgrader.
        vm.prank(admin);
        certificates.grantRole(GOVERNOR_ROLE, bob);
        vm.prank(bob);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, bob, UPGRADER_ROLE)
        );
        certificates.upgradeToAndCall(address(v2Implementation), "");

        assertEq(_implementationOf(address(certificates)), address(certificatesImplementation));
    }

    function test_upgrade_allowedForGrantedUpgraderAndDeniedAfterRevoke() public {
        vm.startPrank(admin);
        certificates.grantRole(UPGRADER_ROLE, carol);
        certificates.revokeRole(UPGRADER_ROLE, admin);
        vm.stopPrank();

        vm.prank(admin);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, admin, UPGRADER_ROLE)
        );
        certificates.upgradeToAndCall(address(v2Implementation), "");

        vm.prank(carol);
        certificates.upgradeToAndCall(address(v2Implementation), "");
        assertEq(CertificatesV2Mock(address(certificates)).version(), "2");
    }

    function test_upgrade_v2StillGatesFurtherUpgradesAndCanRollBack() public {
        _upgradeToV2();
        Certificates v3 = new Certificates();
        vm.prank(stranger);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, UPGRADER_ROLE)
        );
        certificates.upgradeToAndCall(address(v3), "");

        vm.prank(admin);
        certificates.upgradeToAndCall(address(v3), "");
        assertEq(_implementationOf(address(certificates)), address(v3));
    }

    function test_upgrade_revertsToNonUUPSImplementation() public {
        NotUUPSImplementation notUups = new NotUUPSImplementation();
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(ERC1967Utils.ERC1967InvalidImplementation.selector, address(notUups)));
        certificates.upgradeToAndCall(address(notUups), "");
        assertEq(_implementationOf(address(certificates)), address(certificatesImplementation));
    }

    function test_upgrade_revertsToImplementationWithWrongProxiableUUID() public {
        WrongUUIDImplementation wrong = new WrongUUIDImplementation();
        bytes32 wrongSlot = wrong.WRONG_SLOT();
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(UUPSUpgradeable.UUPSUnsupportedProxiableUUID.selector, wrongSlot));
        certificates.upgradeToAndCall(address(wrong), "");
        assertEq(_implementationOf(address(certificates)), address(certificatesImplementation));
    }

    function test_upgrade_revertsWhenCalledOnImplementationDirectly() public {
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(UUPSUpgradeable.UUPSUnauthorizedCallContext.selector));
        certificatesImplementation.upgradeToAndCall(address(v2Implementation), "");
    }

    function test_proxiableUUID_answeredByImplementationButNotThroughProxy() public {
        assertEq(certificatesImplementation.proxiableUUID(), ERC1967Utils.IMPLEMENTATION_SLOT);
        vm.expectRevert(abi.encodeWithSelector(UUPSUpgradeable.UUPSUnauthorizedCallContext.selector));
        certificates.proxiableUUID();
    }

    function test_v2Implementation_cannotBeInitialized() public {
        vm.expectRevert(abi.encodeWithSelector(Initializable.InvalidInitialization.selector));
        v2Implementation.initialize(stranger, stranger);
        vm.expectRevert(abi.encodeWithSelector(Initializable.InvalidInitialization.selector));
        v2Implementation.initializeV2();
    }
}
