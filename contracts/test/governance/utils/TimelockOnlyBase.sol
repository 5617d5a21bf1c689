// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Test} from "forge-std/Test.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {Deploy} from "../../../script/Deploy.s.sol";

/// The whole system as the real deploy script leaves it (council regime): the Constitution, an OZ
/// TimelockController, owns every module. Shared by the TimelockOnly*.t.sol suites, which check
/// that every privileged function refuses every sender but the timelock.
abstract contract TimelockOnlyBase is Test {
    uint256 internal constant START = 1_700_000_000;
    bytes32 internal constant ADMIN_ROLE = bytes32(0);
    bytes32 internal constant GOVERNOR_ROLE = keccak256("GOVERNOR_ROLE");
    bytes32 internal constant UPGRADER_ROLE = keccak256("UPGRADER_ROLE");

    Deploy.Deployed internal d;
    address internal timelock;
    /// The broadcaster of the deployment: the founder and the council's only member.
    address internal founder;

    function setUp() public virtual {
        d = _deploy("council");
    }

    /// Runs `Deploy.runWith(regime)`, writing the addresses to a scratch file (not deployments/).
    function _deploy(string memory regime) internal returns (Deploy.Deployed memory deployed) {
        vm.warp(START);
        string memory dir = string.concat(vm.projectRoot(), "/.data/tmp");
        vm.createDir(dir, true);
        vm.setEnv("DEPLOYMENTS_FILE", string.concat(dir, "/timelock-only.json"));
        deployed = new Deploy().runWith(regime);
        timelock = address(deployed.constitution);
        (, founder,) = vm.readCallers();
    }

    /// The next call comes from `caller` and must fail AccessControl's check of `role`.
    function _expectMissingRole(address caller, bytes32 role) internal {
        vm.prank(caller);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, caller, role));
    }

    /// The next call comes from `caller` and must fail with exactly `revertData`.
    function _expectRefused(address caller, bytes memory revertData) internal {
        vm.prank(caller);
        vm.expectRevert(revertData);
    }

    /// Joins the registry as `account` with the minimum bond and the given kind bits.
    function _join(address account, uint8 kinds) internal {
        uint256 bond = d.registry.minBond();
        vm.deal(account, bond);
        vm.prank(account);
        d.registry.join{value: bond}(kinds, "member", "https://example.org/p", "https://example.org/s", bytes32(0));
    }
}
