// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Script} from "forge-std/Script.sol";
import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {CollaboratorRegistry} from "../src/CollaboratorRegistry.sol";

/// @title Deploy
/// @notice Deploys OSO's modules (implementation + ERC1967 proxy each) to any EVM chain and writes
/// their addresses to `deployments/<chainId>.json` (or `$DEPLOYMENTS_FILE`).
/// @dev Environment: `ADMIN` (default: the broadcaster), `MIN_BOND` wei (default 0.01 ether),
/// `UNBONDING_PERIOD` seconds (default 7 days), `DEPLOYMENTS_FILE` (default deployments/<chainId>.json).
/// Usage: forge script contracts/script/Deploy.s.sol --rpc-url $RPC --private-key $KEY --broadcast
contract Deploy is Script {
    /// @notice Deploys everything and records the addresses.
    /// @return registry The CollaboratorRegistry proxy.
    function run() external returns (CollaboratorRegistry registry) {
        uint256 minBond = vm.envOr("MIN_BOND", uint256(0.01 ether));
        uint64 unbondingPeriod = uint64(vm.envOr("UNBONDING_PERIOD", uint256(7 days)));
        uint256 deployBlock = block.number;

        vm.startBroadcast();
        (, address broadcaster,) = vm.readCallers();
        address admin = vm.envOr("ADMIN", broadcaster);
        CollaboratorRegistry implementation = new CollaboratorRegistry();
        registry = CollaboratorRegistry(
            address(
                new ERC1967Proxy(
                    address(implementation),
                    abi.encodeCall(CollaboratorRegistry.initialize, (admin, minBond, unbondingPeriod))
                )
            )
        );
        vm.stopBroadcast();

        string memory key = "deployment";
        vm.serializeUint(key, "chainId", block.chainid);
        vm.serializeUint(key, "deployBlock", deployBlock);
        vm.serializeAddress(key, "CollaboratorRegistryImplementation", address(implementation));
        string memory json = vm.serializeAddress(key, "CollaboratorRegistry", address(registry));
        string memory file = vm.envOr(
            "DEPLOYMENTS_FILE", string.concat(vm.projectRoot(), "/deployments/", vm.toString(block.chainid), ".json")
        );
        vm.writeJson(json, file);
    }
}
