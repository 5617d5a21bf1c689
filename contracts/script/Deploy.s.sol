// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Script} from "forge-std/Script.sol";
import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {CollaboratorRegistry} from "../src/CollaboratorRegistry.sol";
import {Reputation} from "../src/Reputation.sol";
import {Marketplace} from "../src/Marketplace.sol";
import {Certificates} from "../src/Certificates.sol";
import {DisputeCourt} from "../src/DisputeCourt.sol";
import {IArbitrator} from "../src/interfaces/IArbitrator.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {DirectoryLens} from "../src/DirectoryLens.sol";

/// @title Deploy
/// @notice Deploys OSO's modules (implementation + ERC1967 proxy each) to any EVM chain, wires
/// them together and writes their addresses to `deployments/<chainId>.json` (or `$DEPLOYMENTS_FILE`).
/// @dev Environment: `ADMIN` (default: the broadcaster; holds every role until governance lands),
/// `TREASURY` (default: ADMIN), `MIN_BOND` wei (default 0.01 ether), `UNBONDING_PERIOD` seconds
/// (default 7 days), `FEE_BPS` (default 250 = 2.5%), `REVIEW_WINDOW` seconds (default 3 days),
/// `DEPLOYMENTS_FILE`; the court: `MIN_JUROR_STAKE` wei (default 0.1 ether), `FEE_PER_SEAT` wei
/// (default 0.002 ether), `LOCK_PER_SEAT` wei (default a fifth of the minimum stake),
/// `EVIDENCE_PERIOD`, `COMMIT_PERIOD`, `REVEAL_PERIOD`, `APPEAL_PERIOD` seconds (default 1 day each;
/// the local app advances anvil's clock), `MAX_ROUNDS` (default 3), `DISPUTE_SLASH` wei of a losing
/// seller's bond (default 0: disabled). The DisputeCourt becomes the Marketplace's arbitrator and
/// the Marketplace receives the registry's SLASHER_ROLE. Usage:
/// forge script contracts/script/Deploy.s.sol --rpc-url $RPC --private-key $KEY --broadcast
contract Deploy is Script {
    struct Deployed {
        CollaboratorRegistry registry;
        Reputation reputation;
        Marketplace marketplace;
        Certificates certificates;
        DisputeCourt court;
        address registryImplementation;
        address reputationImplementation;
        address marketplaceImplementation;
        address certificatesImplementation;
        address courtImplementation;
        DirectoryLens lens;
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
                        broadcaster,
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
                        broadcaster,
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
        d.courtImplementation = address(new DisputeCourt());
        d.court = DisputeCourt(
            _proxy(d.courtImplementation, abi.encodeCall(DisputeCourt.initialize, (admin, _courtParams(treasury))))
        );
        d.marketplace.setArbitrator(IArbitrator(address(d.court)));
        uint256 disputeSlash = vm.envOr("DISPUTE_SLASH", uint256(0));
        if (disputeSlash != 0) d.marketplace.setDisputeSlash(disputeSlash);
        d.registry.grantRole(d.registry.SLASHER_ROLE(), address(d.marketplace));
        if (admin != broadcaster) {
            _handOver(IAccessControl(address(d.reputation)), admin, broadcaster);
            _handOver(IAccessControl(address(d.marketplace)), admin, broadcaster);
            _handOver(IAccessControl(address(d.registry)), admin, broadcaster);
        }
        d.certificatesImplementation = address(new Certificates());
        d.certificates = Certificates(
            _proxy(d.certificatesImplementation, abi.encodeCall(Certificates.initialize, (admin, address(d.registry))))
        );
        // Last, once every module it reads exists: the stateless read-only lens (no proxy).
        d.lens = new DirectoryLens(d.registry, d.reputation, d.marketplace, d.certificates);
        vm.stopBroadcast();

        _record(d, deployBlock);
    }

    function _proxy(address implementation, bytes memory init) private returns (address) {
        return address(new ERC1967Proxy(implementation, init));
    }

    /// @dev Court parameters from the environment, with local-friendly defaults.
    function _courtParams(address treasury) private view returns (DisputeCourt.Params memory p) {
        uint256 minStake = vm.envOr("MIN_JUROR_STAKE", uint256(0.1 ether));
        p = DisputeCourt.Params({
            minStake: uint128(minStake),
            feePerSeat: uint128(vm.envOr("FEE_PER_SEAT", uint256(0.002 ether))),
            lockPerSeat: uint128(vm.envOr("LOCK_PER_SEAT", minStake / 5)),
            evidenceDuration: uint32(vm.envOr("EVIDENCE_PERIOD", uint256(1 days))),
            commitDuration: uint32(vm.envOr("COMMIT_PERIOD", uint256(1 days))),
            revealDuration: uint32(vm.envOr("REVEAL_PERIOD", uint256(1 days))),
            appealDuration: uint32(vm.envOr("APPEAL_PERIOD", uint256(1 days))),
            maxRounds: uint8(vm.envOr("MAX_ROUNDS", uint256(3))),
            treasury: treasury
        });
    }

    /// @dev The broadcaster wired a module (Reputation, Marketplace, registry); hand its roles to
    /// the real admin and renounce them. The roles are the same bytes32 in every module.
    function _handOver(IAccessControl module, address admin, address broadcaster) private {
        bytes32[3] memory roles = [keccak256("GOVERNOR_ROLE"), keccak256("UPGRADER_ROLE"), bytes32(0)];
        for (uint256 i; i < roles.length; ++i) {
            module.grantRole(roles[i], admin);
            module.renounceRole(roles[i], broadcaster);
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
        vm.serializeAddress(key, "DisputeCourtImplementation", d.courtImplementation);
        vm.serializeAddress(key, "DisputeCourt", address(d.court));
        vm.serializeAddress(key, "Reputation", address(d.reputation));
        vm.serializeAddress(key, "Marketplace", address(d.marketplace));
        vm.serializeAddress(key, "Certificates", address(d.certificates));
        vm.serializeAddress(key, "DirectoryLens", address(d.lens));
        string memory json = vm.serializeAddress(key, "CollaboratorRegistry", address(d.registry));
        string memory file = vm.envOr(
            "DEPLOYMENTS_FILE", string.concat(vm.projectRoot(), "/deployments/", vm.toString(block.chainid), ".json")
        );
        vm.writeJson(json, file);
    }
}
