// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Test} from "forge-std/Test.sol";
import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {CollaboratorRegistry} from "../../src/CollaboratorRegistry.sol";

/// Shared deployment and helpers for the CollaboratorRegistry test suites.
abstract contract CollaboratorRegistryTestBase is Test {
    uint256 internal constant MIN_BOND = 0.01 ether;
    uint64 internal constant UNBONDING_PERIOD = 7 days;

    string internal constant NAME = "Alice Services";
    string internal constant PROFILE_URI = "https://alice.example.org/profile.json";
    string internal constant SOURCE_URI = "https://github.com/alice/oso-agent-node";
    bytes32 internal constant SOURCE_HASH = keccak256("alice-source-v1");

    CollaboratorRegistry internal registry;
    CollaboratorRegistry internal implementation;

    address internal admin = makeAddr("admin");
    address internal court = makeAddr("court");
    address internal treasury = makeAddr("treasury");
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");
    address internal carol = makeAddr("carol");
    address internal dave = makeAddr("dave");
    address internal stranger = makeAddr("stranger");

    function _deployRegistry(address admin_, uint256 minBond_, uint64 unbondingPeriod_)
        internal
        returns (CollaboratorRegistry impl, CollaboratorRegistry proxy)
    {
        impl = new CollaboratorRegistry();
        proxy = CollaboratorRegistry(
            address(
                new ERC1967Proxy(
                    address(impl), abi.encodeCall(CollaboratorRegistry.initialize, (admin_, minBond_, unbondingPeriod_))
                )
            )
        );
    }

    function _deployDefault() internal {
        (implementation, registry) = _deployRegistry(admin, MIN_BOND, UNBONDING_PERIOD);
        bytes32 slasherRole = registry.SLASHER_ROLE();
        vm.prank(admin);
        registry.grantRole(slasherRole, court);
    }

    function _join(address who, uint8 kinds, uint256 bond) internal {
        _join(who, kinds, bond, NAME);
    }

    function _join(address who, uint8 kinds, uint256 bond, string memory name) internal {
        vm.deal(who, who.balance + bond);
        vm.prank(who);
        registry.join{value: bond}(kinds, name, PROFILE_URI, SOURCE_URI, SOURCE_HASH);
    }

    function _leave(address who) internal {
        vm.prank(who);
        registry.leave();
    }

    function _withdraw(address who) internal {
        vm.prank(who);
        registry.withdraw();
    }

    /// Active -> Unbonding -> (warp) -> Exited.
    function _exit(address who) internal {
        _leave(who);
        vm.warp(registry.get(who).unbondingEndsAt);
        _withdraw(who);
    }

    function _suspend(address who) internal {
        vm.prank(admin);
        registry.suspend(who, "misconduct");
    }

    function _slash(address who, uint256 amount, address to) internal {
        vm.prank(court);
        registry.slash(who, amount, to);
    }

    function _repeat(bytes1 char, uint256 length) internal pure returns (string memory) {
        bytes memory out = new bytes(length);
        for (uint256 i; i < length; ++i) {
            out[i] = char;
        }
        return string(out);
    }

    function _statusOf(address who) internal view returns (CollaboratorRegistry.Status) {
        return registry.get(who).status;
    }

    function _assertStatus(address who, CollaboratorRegistry.Status expected) internal view {
        assertEq(uint8(_statusOf(who)), uint8(expected), "status");
    }
}
