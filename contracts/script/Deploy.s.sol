// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Script} from "forge-std/Script.sol";
import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {CollaboratorRegistry} from "../src/CollaboratorRegistry.sol";
import {Reputation} from "../src/Reputation.sol";
import {Marketplace} from "../src/Marketplace.sol";
import {Certificates} from "../src/Certificates.sol";

/// @title Deploy
/// @notice Deploys OSO's modules (implementation + ERC1967 proxy each) to any EVM chain, wires
/// them together and writes their addresses to `deployments/<chainId>.json` (or `$DEPLOYMENTS_FILE`).
/// @dev Environment: `ADMIN` (default: the broadcaster; holds every role until governance lands),
/// `TREASURY` (default: ADMIN), `MIN_BOND` wei (default 0.01 ether), `UNBONDING_PERIOD` seconds
/// (default 7 days), `FEE_BPS` (default 250 = 2.5%), `REVIEW_WINDOW` seconds (default 3 days),
/// `DEPLOYMENTS_FILE`. Usage:
/// forge script contracts/script/Deploy.s.sol --rpc-url $RPC --private-key $KEY --broadcast
contract Deploy is Script {
    struct Deployed {
        CollaboratorRegistry registry;
        Reputation reputation;
        Marketplace marketplace;
        Certificates certificates;
        address registryImplementation;
        address reputationImplementation;
        address marketplaceImplementation;
        address certificatesImplementation;
    }

    /// @notice Deploys and wires everything, then records the addresses.
    /// @return d The proxies and implementations.
    function run() external returns (Deployed memory d) {
        uint256 deployBlock = block.number;
        vm.startBroadcast();
        (, address broadcaster,) = vm.readCallers();
        address admin = vm.envOr("ADMIN", broadcaster);
        address treasury = vm.envOr("TREASURY", admin);

        d.registryImplementation = address(new CollaboratorRegistry());
        d.registry = CollaboratorRegistry(
            _proxy(
                d.registryImplementation,
                abi.encodeCall(
                    CollaboratorRegistry.initialize,
                    (
                        admin,
                        vm.envOr("MIN_BOND", uint256(0.01 ether)),
                        uint64(vm.envOr("UNBONDING_PERIOD", uint256(7 days)))
                    )
                )
            )
        );
        // Reputation first (no marketplace yet), then the Marketplace that credits it.
        d.reputationImplementation = address(new Reputation());
        d.reputation = Reputation(
            _proxy(d.reputationImplementation, abi.encodeCall(Reputation.initialize, (broadcaster, address(0))))
        );
        d.marketplaceImplementation = address(new Marketplace());
        d.marketplace = Marketplace(
            _proxy(
                d.marketplaceImplementation,
                abi.encodeCall(
                    Marketplace.initialize,
                    (
                        admin,
                        address(d.registry),
                        address(d.reputation),
                        treasury,
                        uint16(vm.envOr("FEE_BPS", uint256(250))),
                        uint32(vm.envOr("REVIEW_WINDOW", uint256(3 days)))
                    )
                )
            )
        );
        d.reputation.setMarketplace(address(d.marketplace));
        d.reputation.grantRole(d.reputation.MARKET_ROLE(), address(d.marketplace));
        if (admin != broadcaster) _handOver(d.reputation, admin, broadcaster);
        d.certificatesImplementation = address(new Certificates());
        d.certificates = Certificates(
            _proxy(d.certificatesImplementation, abi.encodeCall(Certificates.initialize, (admin, address(d.registry))))
        );
        vm.stopBroadcast();

        _record(d, deployBlock);
    }

    function _proxy(address implementation, bytes memory init) private returns (address) {
        return address(new ERC1967Proxy(implementation, init));
    }

    /// @dev The broadcaster wired Reputation; hand its roles to the real admin and renounce them.
    function _handOver(Reputation reputation, address admin, address broadcaster) private {
        bytes32[3] memory roles = [reputation.GOVERNOR_ROLE(), reputation.UPGRADER_ROLE(), reputation.DEFAULT_ADMIN_ROLE()];
        for (uint256 i; i < roles.length; ++i) {
            reputation.grantRole(roles[i], admin);
            reputation.renounceRole(roles[i], broadcaster);
        }
    }

    function _record(Deployed memory d, uint256 deployBlock) private {
        string memory key = "deployment";
        vm.serializeUint(key, "chainId", block.chainid);
        vm.serializeUint(key, "deployBlock", deployBlock);
        vm.serializeAddress(key, "CollaboratorRegistryImplementation", d.registryImplementation);
        vm.serializeAddress(key, "ReputationImplementation", d.reputationImplementation);
        vm.serializeAddress(key, "MarketplaceImplementation", d.marketplaceImplementation);
        vm.serializeAddress(key, "CertificatesImplementation", d.certificatesImplementation);
        vm.serializeAddress(key, "Reputation", address(d.reputation));
        vm.serializeAddress(key, "Marketplace", address(d.marketplace));
        vm.serializeAddress(key, "Certificates", address(d.certificates));
        string memory json = vm.serializeAddress(key, "CollaboratorRegistry", address(d.registry));
        string memory file = vm.envOr(
            "DEPLOYMENTS_FILE", string.concat(vm.projectRoot(), "/deployments/", vm.toString(block.chainid), ".json")
        );
        vm.writeJson(json, file);
    }
}
