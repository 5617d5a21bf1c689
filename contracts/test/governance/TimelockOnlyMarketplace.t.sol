// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Marketplace} from "../../src/Marketplace.sol";
import {IArbitrator} from "../../src/interfaces/IArbitrator.sol";
import {UUPSModuleChecks} from "./utils/AccessControlChecks.sol";

/// Marketplace: every setter, roles and upgrades belong to the timelock. The trading functions
/// (listService … withdraw) are the parties' own, public by design; `rule` answers only the
/// arbitrator that opened the dispute (see testFuzz_rule_revertsUnlessArbitrator).
contract TimelockOnlyMarketplaceTest is UUPSModuleChecks {
    function _module() internal view override returns (address) {
        return address(d.marketplace);
    }

    function _freshImplementation() internal override returns (address) {
        return address(new Marketplace());
    }

    function _initializeAgain() internal override {
        d.marketplace.initialize(address(1), address(1), address(1), address(1), 0, 1 days);
    }

    function testFuzz_setFee_revertsUnlessTimelock(address caller, uint16 feeBps) public {
        vm.assume(caller != timelock);
        _expectMissingRole(caller, GOVERNOR_ROLE);
        d.marketplace.setFee(feeBps);
    }

    function test_setFee_byTimelock() public {
        vm.prank(timelock);
        d.marketplace.setFee(100);
        assertEq(d.marketplace.feeBps(), 100);
    }

    function testFuzz_setReviewWindow_revertsUnlessTimelock(address caller, uint32 window) public {
        vm.assume(caller != timelock);
        _expectMissingRole(caller, GOVERNOR_ROLE);
        d.marketplace.setReviewWindow(window);
    }

    function test_setReviewWindow_byTimelock() public {
        vm.prank(timelock);
        d.marketplace.setReviewWindow(5 days);
        assertEq(d.marketplace.reviewWindow(), 5 days);
    }

    function testFuzz_setTreasury_revertsUnlessTimelock(address caller, address treasury) public {
        vm.assume(caller != timelock);
        _expectMissingRole(caller, GOVERNOR_ROLE);
        d.marketplace.setTreasury(treasury);
    }

    function test_setTreasury_byTimelock() public {
        address next = makeAddr("treasury");
        vm.prank(timelock);
        d.marketplace.setTreasury(next);
        assertEq(d.marketplace.treasury(), next);
    }

    function testFuzz_setReputation_revertsUnlessTimelock(address caller, address reputation) public {
        vm.assume(caller != timelock);
        _expectMissingRole(caller, GOVERNOR_ROLE);
        d.marketplace.setReputation(reputation);
    }

    function test_setReputation_byTimelock() public {
        address next = makeAddr("reputation");
        vm.prank(timelock);
        d.marketplace.setReputation(next);
        assertEq(d.marketplace.reputation(), next);
    }

    function testFuzz_setArbitrator_revertsUnlessTimelock(address caller, address arbitrator) public {
        vm.assume(caller != timelock);
        _expectMissingRole(caller, GOVERNOR_ROLE);
        d.marketplace.setArbitrator(IArbitrator(arbitrator));
    }

    function test_setArbitrator_byTimelock() public {
        address next = makeAddr("arbitrator");
        vm.prank(timelock);
        d.marketplace.setArbitrator(IArbitrator(next));
        assertEq(d.marketplace.arbitrator(), next);
    }

    function testFuzz_setDisputeSlash_revertsUnlessTimelock(address caller, uint256 amount) public {
        vm.assume(caller != timelock);
        _expectMissingRole(caller, GOVERNOR_ROLE);
        d.marketplace.setDisputeSlash(amount);
    }

    function test_setDisputeSlash_byTimelock() public {
        vm.prank(timelock);
        d.marketplace.setDisputeSlash(0.001 ether);
        assertEq(d.marketplace.disputeSlash(), 0.001 ether);
    }

    /// A delivered order the buyer disputed in the court (the deployment's arbitrator).
    function _openDispute() internal returns (uint256 disputeId) {
        address seller = makeAddr("seller");
        address buyer = makeAddr("buyer");
        _join(seller, d.registry.KIND_SERVICE());
        vm.prank(seller);
        uint256 serviceId = d.marketplace.listService("audit", "https://example.org/m", 0.1 ether, 1 days);
        uint256 cost = d.court.arbitrationCost("");
        vm.deal(buyer, 0.1 ether + cost);
        vm.prank(buyer);
        uint256 orderId = d.marketplace.order{value: 0.1 ether}(serviceId, "https://example.org/r");
        vm.prank(seller);
        d.marketplace.deliver(orderId, "https://example.org/d", bytes32(0));
        vm.prank(buyer);
        disputeId = d.marketplace.dispute{value: cost}(orderId, "https://example.org/why");
    }

    /// Called by design by the arbitrator that opened the dispute (the court): any other sender,
    /// the timelock included, is refused as an unknown dispute.
    function testFuzz_rule_revertsUnlessArbitrator(address caller) public {
        vm.assume(caller != address(d.court));
        uint256 disputeId = _openDispute();
        _expectRefused(caller, abi.encodeWithSelector(Marketplace.UnknownDispute.selector, caller, disputeId));
        d.marketplace.rule(disputeId, 1);
    }

    function test_rule_byCourt() public {
        uint256 disputeId = _openDispute();
        vm.prank(address(d.court));
        d.marketplace.rule(disputeId, 1);
        assertEq(d.marketplace.creditOf(makeAddr("buyer")), 0.1 ether);
    }
}
