// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Test} from "forge-std/Test.sol";

/// Keeps the TimelockOnly suites complete: every state-changing external function in a module's
/// ABI (its artifact in contracts/out) must be either listed here as public by design, or covered
/// by a `testFuzz_<name>_…` test in that module's TimelockOnly suite. A new privileged function
/// without such a fuzz test — or a new public one nobody listed — fails this test.
contract TimelockOnlyInventoryTest is Test {
    string internal constant TOKEN_RECEIVERS = "onERC721Received,onERC1155Received,onERC1155BatchReceived";
    /// Proposing, voting, queueing, executing and cancelling proposals.
    string internal constant GOVERNOR_MACHINERY = "propose,castVote,castVoteWithReason,castVoteWithReasonAndParams,"
        "castVoteBySig,castVoteWithReasonAndParamsBySig,queue,execute,cancel";

    function test_registry() public view {
        _check("CollaboratorRegistry", "TimelockOnlyRegistry", "addBond,claim,join,leave,update,withdraw");
    }

    /// `rate` is a buyer's action.
    function test_reputation() public view {
        _check("Reputation", "TimelockOnlyReputation", "rate");
    }

    /// The parties' trading actions (`rule`, the arbitrator's, is fuzzed in the suite).
    function test_marketplace() public view {
        _check(
            "Marketplace",
            "TimelockOnlyMarketplace",
            "listService,updateService,setServiceActive,order,cancel,deliver,release,accept,refund,dispute,appeal,withdraw"
        );
    }

    /// `issue` is a rating collaborator's action, not governance's.
    function test_certificates() public view {
        _check("Certificates", "TimelockOnlyCertificates", "issue");
    }

    /// Parties' and jurors' actions.
    function test_court() public view {
        _check(
            "DisputeCourt",
            "TimelockOnlyCourt",
            "createDispute,stake,unstake,withdraw,commit,reveal,appeal,submitEvidence,advance"
        );
    }

    function test_activity() public view {
        _check("ActivityVotes", "TimelockOnlyActivity", "");
    }

    /// Permissionless: anyone may turn verified activity into points (it holds CREDITOR_ROLE).
    function test_creditor() public view {
        _check("ActivityCreditor", "", "", "creditOrder,creditRating,creditJuryDuty,creditAll");
    }

    function test_seats() public view {
        _check("CouncilSeats", "TimelockOnlySeats", "");
    }

    /// The monarch's and the heir's own actions.
    function test_monarchy() public view {
        _check(
            "MonarchyRegime", "TimelockOnlyMonarchy", "schedule,execute,cancel,heartbeat,nameHeir,abdicate,claimCrown"
        );
    }

    function test_constitution() public view {
        _check("Constitution", "TimelockOnlyConstitution", TOKEN_RECEIVERS);
    }

    function test_governors() public view {
        string memory machinery = string.concat(GOVERNOR_MACHINERY, ",", TOKEN_RECEIVERS);
        _check("CouncilGovernor", "TimelockOnlyGovernors", "TimelockOnlyCouncilGovernorTest", machinery);
        _check("DemocracyGovernor", "TimelockOnlyGovernors", "TimelockOnlyDemocracyGovernorTest", machinery);
    }

    // ── helpers ──

    function _check(string memory module, string memory suite, string memory publicByDesign) internal view {
        _check(module, suite, string.concat(suite, "Test"), publicByDesign);
    }

    /// Every non-view function of `module` is in `publicByDesign` (comma-separated names) or has a
    /// `testFuzz_<name>_` test in `testContract` (of contracts/test/governance/<suite>.t.sol; an
    /// empty suite: the module has no privileged function at all).
    function _check(string memory module, string memory suite, string memory testContract, string memory publicByDesign)
        internal
        view
    {
        string[] memory open = vm.split(publicByDesign, ",");
        string memory abiJson = vm.readFile(_artifact(module, module));
        string[] memory tests = bytes(suite).length == 0
            ? new string[](0)
            : vm.parseJsonKeys(vm.readFile(_artifact(string.concat(suite, ".t"), testContract)), ".methodIdentifiers");
        uint256 stateChanging;
        for (uint256 i; vm.keyExistsJson(abiJson, _entry(i, "")); ++i) {
            if (!_eq(vm.parseJsonString(abiJson, _entry(i, ".type")), "function")) continue;
            string memory mutability = vm.parseJsonString(abiJson, _entry(i, ".stateMutability"));
            if (_eq(mutability, "view") || _eq(mutability, "pure")) continue;
            ++stateChanging;
            string memory name = vm.parseJsonString(abiJson, _entry(i, ".name"));
            if (_contains(open, name)) continue;
            assertTrue(
                _hasPrefix(tests, string.concat("testFuzz_", name, "_")),
                string.concat(module, ".", name, " is neither public by design nor fuzzed in ", testContract)
            );
        }
        assertGt(stateChanging, 0, "no state-changing function found: wrong artifact?");
    }

    function _artifact(string memory file, string memory name) internal view returns (string memory) {
        return string.concat(vm.projectRoot(), "/contracts/out/", file, ".sol/", name, ".json");
    }

    function _entry(uint256 i, string memory field) internal pure returns (string memory) {
        return string.concat(".abi[", vm.toString(i), "]", field);
    }

    function _contains(string[] memory list, string memory name) internal pure returns (bool) {
        for (uint256 i; i < list.length; ++i) {
            if (_eq(list[i], name)) return true;
        }
        return false;
    }

    function _hasPrefix(string[] memory list, string memory prefix) internal pure returns (bool) {
        for (uint256 i; i < list.length; ++i) {
            if (vm.indexOf(list[i], prefix) == 0) return true;
        }
        return false;
    }

    function _eq(string memory a, string memory b) internal pure returns (bool) {
        return keccak256(bytes(a)) == keccak256(bytes(b));
    }
}
