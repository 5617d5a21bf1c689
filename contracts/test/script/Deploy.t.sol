// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Test, Vm} from "forge-std/Test.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {Deploy} from "../../script/Deploy.s.sol";
import {RegimeKind} from "../../src/governance/IRegime.sol";

/// Runs the deployment script as a deployer would and checks the hand-over: every role granted
/// while deploying that is still held belongs to a contract (the Constitution, or the Marketplace
/// for the registry's SLASHER_ROLE and Reputation's MARKET_ROLE, the ActivityCreditor for
/// ActivityVotes' CREDITOR_ROLE), never to an account.
contract DeployTest is Test {
    Deploy internal script;

    bytes32 internal constant ADMIN = bytes32(0);
    bytes32 internal constant GOVERNOR = keccak256("GOVERNOR_ROLE");
    bytes32 internal constant UPGRADER = keccak256("UPGRADER_ROLE");

    function setUp() public {
        script = new Deploy();
        string memory dir = string.concat(vm.projectRoot(), "/.data/tmp");
        vm.createDir(dir, true);
        vm.setEnv("DEPLOYMENTS_FILE", string.concat(dir, "/deploy-test.json"));
    }

    function _run(string memory regime) internal returns (Deploy.Deployed memory d) {
        vm.recordLogs();
        d = script.runWith(regime);
    }

    function _modules(Deploy.Deployed memory d) internal pure returns (address[6] memory) {
        return [
            address(d.registry),
            address(d.reputation),
            address(d.marketplace),
            address(d.certificates),
            address(d.court),
            address(d.activity)
        ];
    }

    function test_noAccountHoldsAnyRoleAfterDeployment() public {
        Deploy.Deployed memory d = _run("council");
        (, address deployer,) = vm.readCallers();
        Vm.Log[] memory logs = vm.getRecordedLogs();
        uint256 grants;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].topics[0] != IAccessControl.RoleGranted.selector) continue;
            address module = logs[i].emitter;
            bytes32 role = logs[i].topics[1];
            address account = address(uint160(uint256(logs[i].topics[2])));
            if (!IAccessControl(module).hasRole(role, account)) continue;
            ++grants;
            assertGt(account.code.length, 0, "a role is held by an account without code");
            if (module == address(d.constitution)) {
                assertEq(account, address(d.council), "only the regime holds the timelock's roles");
            } else if (role == ADMIN || role == GOVERNOR || role == UPGRADER) {
                assertEq(account, address(d.constitution), "only the Constitution administers a module");
            }
        }
        assertGt(grants, 0);

        address[6] memory modules = _modules(d);
        bytes32[3] memory roles = [ADMIN, GOVERNOR, UPGRADER];
        for (uint256 m; m < modules.length; ++m) {
            IAccessControl module = IAccessControl(modules[m]);
            assertTrue(module.hasRole(ADMIN, address(d.constitution)), "the Constitution administers every module");
            for (uint256 r; r < roles.length; ++r) {
                assertFalse(module.hasRole(roles[r], deployer), "the deployer kept a role");
                assertFalse(module.hasRole(roles[r], address(this)));
                if (m < 5) assertTrue(module.hasRole(roles[r], address(d.constitution)));
            }
        }
        // The treasury is the timelock; the court is the market's arbitrator.
        assertEq(d.marketplace.treasury(), address(d.constitution));
        assertEq(d.marketplace.arbitrator(), address(d.court));
        assertTrue(d.registry.hasRole(d.registry.SLASHER_ROLE(), address(d.marketplace)));
        assertTrue(d.reputation.hasRole(d.reputation.MARKET_ROLE(), address(d.marketplace)));
        // Only the creditor credits activity; the V2 implementation waits for a proposal.
        assertTrue(d.activity.hasRole(d.activity.CREDITOR_ROLE(), address(d.creditor)));
        assertEq(address(d.creditor.MARKETPLACE()), address(d.marketplace));
        assertGt(d.marketplaceV2Implementation.code.length, 0);
    }

    function test_establishesTheCouncilByDefault() public {
        Deploy.Deployed memory d = _run("council");
        (RegimeKind kind, address regime,) = d.constitution.currentRegime();
        assertEq(uint8(kind), uint8(RegimeKind.Council));
        assertEq(regime, address(d.council));
        assertEq(d.constitution.getMinDelay(), 1 hours);
        assertTrue(d.constitution.hasRole(d.constitution.PROPOSER_ROLE(), address(d.council)));
        assertFalse(d.constitution.hasRole(d.constitution.PROPOSER_ROLE(), address(d.monarchy)));
        (, address deployer,) = vm.readCallers();
        assertEq(d.seats.seatCount(), 1);
        assertEq(d.seats.members()[0], deployer);
        assertEq(address(d.council.timelock()), address(d.constitution));
        assertEq(address(d.democracy.timelock()), address(d.constitution));
    }

    function test_otherRegimes() public {
        Deploy.Deployed memory d = _run("monarchy");
        assertEq(d.constitution.regime(), address(d.monarchy));
        d = _run("democracy");
        assertEq(d.constitution.regime(), address(d.democracy));
        vm.expectRevert(abi.encodeWithSelector(Deploy.UnknownRegime.selector, "anarchy"));
        script.runWith("anarchy");
    }
}
