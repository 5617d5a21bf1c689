// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Certificates} from "../../src/Certificates.sol";
import {UUPSModuleChecks} from "./utils/AccessControlChecks.sol";

/// Certificates: roles and upgrades belong to the timelock. Issuing is not governance-gated (any
/// rating collaborator in good standing issues); revoking is the issuer's or the timelock's
/// (GOVERNOR_ROLE), so any other sender is refused.
contract TimelockOnlyCertificatesTest is UUPSModuleChecks {
    address internal issuer = makeAddr("issuer");
    address internal subject = makeAddr("subject");

    function _module() internal view override returns (address) {
        return address(d.certificates);
    }

    function _freshImplementation() internal override returns (address) {
        return address(new Certificates());
    }

    function _initializeAgain() internal override {
        d.certificates.initialize(address(1), address(1));
    }

    function _issue() internal returns (uint256 id) {
        _join(issuer, d.registry.KIND_RATING());
        _join(subject, d.registry.KIND_SERVICE());
        vm.prank(issuer);
        id = d.certificates.issue(subject, 1, uint64(block.timestamp + 30 days), "https://example.org/e");
    }

    function testFuzz_revoke_revertsUnlessTimelockOrIssuer(address caller) public {
        vm.assume(caller != timelock && caller != issuer);
        uint256 id = _issue();
        _expectRefused(caller, abi.encodeWithSelector(Certificates.NotIssuerOrGovernor.selector, id, caller));
        d.certificates.revoke(id, "fraud");
    }

    function test_revoke_byTimelock() public {
        uint256 id = _issue();
        vm.prank(timelock);
        d.certificates.revoke(id, "fraud");
        assertFalse(d.certificates.isValid(id));
    }
}
