// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Test} from "forge-std/Test.sol";
import {Constitution} from "../../../src/governance/Constitution.sol";
import {MonarchyRegime} from "../../../src/governance/MonarchyRegime.sol";

/// Shared deployment and helpers for the governance suites: the Constitution (timelock) with the
/// monarchy established, and the other regimes ready to be switched to.
/// Actor names are prefixed so suites can also inherit the module test bases.
abstract contract GovernanceTestBase is Test {
    uint256 internal constant START = 1_700_000_000; // period 2810 of 7 days
    uint256 internal constant MIN_DELAY = 1 hours;
    uint32 internal constant HEARTBEAT = 30 days;

    Constitution internal constitution;
    MonarchyRegime internal monarchy;
    MonarchyRegime internal successor; // another monarchy (the heir reigns), to switch to

    address internal deployer = makeAddr("deployer");
    address internal monarch = makeAddr("monarch");
    address internal heir = makeAddr("heir");
    address internal outsider = makeAddr("outsider");

    bytes32 internal PROPOSER_ROLE;
    bytes32 internal CANCELLER_ROLE;
    bytes32 internal EXECUTOR_ROLE;

    /// Deploys everything as `deployer` and establishes the monarchy.
    function _deployGovernance() internal {
        vm.warp(START);
        vm.startPrank(deployer);
        constitution = new Constitution(MIN_DELAY);
        monarchy = new MonarchyRegime(constitution, monarch, heir, HEARTBEAT);
        successor = new MonarchyRegime(constitution, heir, address(0), HEARTBEAT);
        constitution.establish(address(monarchy));
        vm.stopPrank();
        PROPOSER_ROLE = constitution.PROPOSER_ROLE();
        CANCELLER_ROLE = constitution.CANCELLER_ROLE();
        EXECUTOR_ROLE = constitution.EXECUTOR_ROLE();
    }

    /// The next call comes from the timelock, as an executed operation would (fixtures only: the
    /// lifecycle suites go through real operations).
    function _asTimelock() internal {
        vm.prank(address(constitution));
    }

    // ── operations ──

    function _one(address target, bytes memory data)
        internal
        pure
        returns (address[] memory targets, uint256[] memory values, bytes[] memory calldatas)
    {
        targets = new address[](1);
        values = new uint256[](1);
        calldatas = new bytes[](1);
        targets[0] = target;
        calldatas[0] = data;
    }

    function _switchCall(address regime) internal view returns (address[] memory, uint256[] memory, bytes[] memory) {
        return _one(address(constitution), abi.encodeCall(Constitution.switchRegime, (regime)));
    }

    /// The monarch schedules, the delay passes, the monarch executes.
    function _monarchRun(address[] memory targets, uint256[] memory values, bytes[] memory calldatas, bytes32 salt)
        internal
    {
        address king = monarchy.monarch();
        uint256 delay = constitution.getMinDelay();
        vm.prank(king);
        monarchy.schedule(targets, values, calldatas, salt, delay);
        vm.warp(block.timestamp + delay);
        vm.prank(king);
        monarchy.execute(targets, values, calldatas, salt);
    }

    function _monarchRun(address target, bytes memory data) internal {
        (address[] memory t, uint256[] memory v, bytes[] memory d) = _one(target, data);
        _monarchRun(t, v, d, keccak256(abi.encode(target, data, block.timestamp)));
    }

    // ── regimes ──

    /// Exactly `regime` holds the proposer, canceller and executor roles among the known regimes
    /// and actors, and the Constitution records it.
    function _assertOnlyRegime(address regime) internal view {
        assertEq(constitution.regime(), regime, "recorded regime");
        address[] memory known = _knownAccounts();
        bytes32[3] memory roles = [PROPOSER_ROLE, CANCELLER_ROLE, EXECUTOR_ROLE];
        for (uint256 r; r < 3; ++r) {
            for (uint256 i; i < known.length; ++i) {
                assertEq(constitution.hasRole(roles[r], known[i]), known[i] == regime, "one regime holds the role");
            }
        }
    }

    /// The regimes, the timelock, the deployer and the other actors.
    function _knownAccounts() internal view virtual returns (address[] memory known) {
        known = new address[](16);
        uint256 n;
        known[n++] = address(monarchy);
        known[n++] = address(successor);
        known[n++] = address(constitution);
        known[n++] = deployer;
        known[n++] = monarch;
        known[n++] = heir;
        known[n++] = outsider;
        known[n++] = address(0);
        assembly ("memory-safe") {
            mstore(known, n)
        }
    }
}
