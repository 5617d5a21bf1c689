// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Reputation} from "../../src/Reputation.sol";
import {UUPSModuleChecks} from "./utils/AccessControlChecks.sol";

/// Reputation: setMarketplace, roles and upgrades belong to the timelock; recording settlements
/// and dispute losses to the Marketplace (MARKET_ROLE) — the court's COURT_ROLE is held by nobody
/// after deployment. `rate` is a buyer's action, public by design.
contract TimelockOnlyReputationTest is UUPSModuleChecks {
    address internal seller = makeAddr("seller");
    address internal buyer = makeAddr("buyer");

    function _module() internal view override returns (address) {
        return address(d.reputation);
    }

    function _freshImplementation() internal override returns (address) {
        return address(new Reputation());
    }

    function _initializeAgain() internal override {
        d.reputation.initialize(address(1), address(0));
    }

    function testFuzz_setMarketplace_revertsUnlessTimelock(address caller, address marketplace) public {
        vm.assume(caller != timelock);
        _expectMissingRole(caller, GOVERNOR_ROLE);
        d.reputation.setMarketplace(marketplace);
    }

    function test_setMarketplace_byTimelock() public {
        address next = makeAddr("nextMarketplace");
        vm.prank(timelock);
        d.reputation.setMarketplace(next);
        assertEq(d.reputation.marketplace(), next);
    }

    /// Called by design by the Marketplace only: every other sender, the timelock included, is refused.
    function testFuzz_recordSettlement_revertsUnlessMarketplace(address caller, uint256 price) public {
        vm.assume(caller != address(d.marketplace));
        _expectMissingRole(caller, d.reputation.MARKET_ROLE());
        d.reputation.recordSettlement(1, seller, buyer, price);
    }

    function test_recordSettlement_byMarketplace() public {
        vm.prank(address(d.marketplace));
        d.reputation.recordSettlement(1, seller, buyer, 1 ether);
        assertGt(d.reputation.xpOf(seller), 0);
    }

    /// Called by design by the Marketplace (or a COURT_ROLE holder, none after deployment).
    function testFuzz_recordDisputeLoss_revertsUnlessMarketplace(address caller) public {
        vm.assume(caller != address(d.marketplace));
        _expectRefused(caller, abi.encodeWithSelector(Reputation.UnauthorizedRecorder.selector, caller));
        d.reputation.recordDisputeLoss(1, seller);
    }

    function test_recordDisputeLoss_byMarketplace() public {
        vm.startPrank(address(d.marketplace));
        d.reputation.recordSettlement(1, seller, buyer, 1 ether);
        uint256 before = d.reputation.xpOf(seller);
        d.reputation.recordDisputeLoss(2, seller);
        vm.stopPrank();
        assertLt(d.reputation.xpOf(seller), before);
    }
}
