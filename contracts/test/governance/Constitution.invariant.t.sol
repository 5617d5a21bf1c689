// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Test} from "forge-std/Test.sol";
import {Constitution} from "../../src/governance/Constitution.sol";
import {GovernanceTestBase} from "./utils/GovernanceTestBase.sol";

/// Drives the Constitution with regime changes (as the timelock) and with every other way of
/// moving a role: grants, revokes and renounces by any actor, switches by anyone but the timelock,
/// a second establishment.
contract ConstitutionHandler is Test {
    Constitution internal immutable constitution;
    address internal immutable founder;
    address[] internal regimes;
    address[] internal actors;
    bytes32[4] internal roles;

    /// A call that must revert succeeded.
    bool public brokeRule;
    uint256 public switches;

    constructor(Constitution constitution_, address founder_, address[] memory regimes_, address[] memory actors_) {
        constitution = constitution_;
        founder = founder_;
        regimes = regimes_;
        actors = actors_;
        roles =
            [bytes32(0), constitution_.PROPOSER_ROLE(), constitution_.CANCELLER_ROLE(), constitution_.EXECUTOR_ROLE()];
    }

    function switchTo(uint256 regimeSeed) external {
        address next = regimes[regimeSeed % regimes.length];
        if (next == constitution.regime()) return;
        vm.prank(address(constitution));
        constitution.switchRegime(next);
        ++switches;
    }

    function switchByOther(uint256 actorSeed, uint256 regimeSeed) external {
        address actor = actors[actorSeed % actors.length];
        if (actor == address(constitution)) return;
        vm.prank(actor);
        try constitution.switchRegime(regimes[regimeSeed % regimes.length]) {
            brokeRule = true;
        } catch {}
    }

    function grant(uint256 actorSeed, uint256 roleSeed, uint256 accountSeed) external {
        vm.prank(actors[actorSeed % actors.length]);
        try constitution.grantRole(roles[roleSeed % 4], actors[accountSeed % actors.length]) {
            brokeRule = true;
        } catch {}
    }

    function revoke(uint256 actorSeed, uint256 roleSeed, uint256 accountSeed) external {
        vm.prank(actors[actorSeed % actors.length]);
        try constitution.revokeRole(roles[roleSeed % 4], actors[accountSeed % actors.length]) {
            brokeRule = true;
        } catch {}
    }

    function renounce(uint256 actorSeed, uint256 roleSeed) external {
        address actor = actors[actorSeed % actors.length];
        bytes32 role = roles[roleSeed % 4];
        vm.prank(actor);
        try constitution.renounceRole(role, actor) {
            if (role != bytes32(0)) brokeRule = true;
        } catch {}
    }

    function establishAgain(uint256 regimeSeed) external {
        vm.prank(founder);
        try constitution.establish(regimes[regimeSeed % regimes.length]) {
            brokeRule = true;
        } catch {}
    }
}

contract ConstitutionInvariantTest is GovernanceTestBase {
    ConstitutionHandler internal handler;
    address[] internal everyone;

    function setUp() public {
        _deployGovernance();
        address[] memory regimes = new address[](4);
        uint256 n;
        regimes[n++] = address(monarchy);
        regimes[n++] = address(successor);
        regimes[n++] = address(council);
        regimes[n++] = address(democracy);
        assembly ("memory-safe") {
            mstore(regimes, n)
        }
        everyone = _knownAccounts();
        handler = new ConstitutionHandler(constitution, deployer, regimes, everyone);
        targetContract(address(handler));
    }

    function invariant_exactlyTheRecordedRegimeHoldsTheRegimeRoles() public view {
        address regime = constitution.regime();
        bytes32[3] memory roles = [PROPOSER_ROLE, CANCELLER_ROLE, EXECUTOR_ROLE];
        for (uint256 r; r < 3; ++r) {
            uint256 holders;
            for (uint256 i; i < everyone.length; ++i) {
                if (constitution.hasRole(roles[r], everyone[i])) {
                    ++holders;
                    assertEq(everyone[i], regime, "holder is the recorded regime");
                }
            }
            assertEq(holders, 1, "exactly one holder");
        }
    }

    function invariant_nobodyAdministersTheTimelock() public view {
        for (uint256 i; i < everyone.length; ++i) {
            assertFalse(constitution.hasRole(bytes32(0), everyone[i]));
        }
    }

    function invariant_noForbiddenRoleChangeSucceeded() public view {
        assertFalse(handler.brokeRule());
    }

    /// The handler does change regimes (the call table shows how often it was called).
    function test_handler_switchesRegimes() public {
        handler.switchTo(1);
        assertEq(constitution.regime(), address(successor));
        handler.switchTo(0);
        assertEq(handler.switches(), 2);
        assertEq(constitution.regime(), address(monarchy));
        invariant_exactlyTheRecordedRegimeHoldsTheRegimeRoles();
    }
}
