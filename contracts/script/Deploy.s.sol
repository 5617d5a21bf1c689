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
import {Constitution} from "../src/governance/Constitution.sol";
import {MonarchyRegime} from "../src/governance/MonarchyRegime.sol";
import {CouncilSeats} from "../src/governance/CouncilSeats.sol";
import {CouncilGovernor} from "../src/governance/CouncilGovernor.sol";
import {ActivityVotes} from "../src/governance/ActivityVotes.sol";
import {DemocracyGovernor} from "../src/governance/DemocracyGovernor.sol";
import {ActivityCreditor, IRatingRecord} from "../src/governance/ActivityCreditor.sol";
import {MarketplaceV2} from "../src/MarketplaceV2.sol";
import {IMarketplace} from "../src/interfaces/IMarketplace.sol";

/// @title Deploy
/// @notice Deploys OSO's modules (implementation + ERC1967 proxy each) and its governance to any
/// EVM chain, wires them together, hands every module to the Constitution (the timelock) and
/// writes all addresses to `deployments/<chainId>.json` (or `$DEPLOYMENTS_FILE`).
///
/// After `run()` no externally owned account holds any role on any module: DEFAULT_ADMIN_ROLE,
/// GOVERNOR_ROLE and UPGRADER_ROLE of the registry, Reputation, Marketplace, Certificates and the
/// DisputeCourt, and ActivityVotes' admin, all belong to the Constitution, which is also the
/// default treasury (marketplace fees, the court's unearned fees). The broadcaster only founds the
/// Constitution: it establishes the first regime once and has no other power.
///
/// @dev Environment — modules: `TREASURY` (default: the Constitution), `MIN_BOND` wei (default
/// 0.01 ether), `UNBONDING_PERIOD` seconds (default 7 days), `FEE_BPS` (default 250 = 2.5%),
/// `REVIEW_WINDOW` seconds (default 3 days), `DEPLOYMENTS_FILE`; the court: `MIN_JUROR_STAKE` wei
/// (default 0.1 ether), `FEE_PER_SEAT` wei (default 0.002 ether), `LOCK_PER_SEAT` wei (default a
/// fifth of the minimum stake), `EVIDENCE_PERIOD`, `COMMIT_PERIOD`, `REVEAL_PERIOD`,
/// `APPEAL_PERIOD` seconds (default 1 day each), `MAX_ROUNDS` (default 3), `DISPUTE_SLASH` wei of
/// a losing seller's bond (default 0: disabled). Governance: `MIN_DELAY` seconds of the timelock
/// (default 1 hour, a local default: use days on a public chain), `REGIME` the first regime,
/// `council` (default), `monarchy` or `democracy`; the monarchy: `MONARCH` (default: the
/// broadcaster), `HEIR` (default none), `HEARTBEAT_PERIOD` seconds (default 30 days); the council:
/// `COUNCIL` comma-separated founding members (default: the broadcaster), `SEAT_LIMIT` (default
/// 7), `COUNCIL_VOTING_DELAY` (default 60 s), `COUNCIL_VOTING_PERIOD` (default 1 day),
/// `COUNCIL_QUORUM` percent of seats (default 50); activity: `ACTIVITY_PERIOD` seconds (default 1
/// day), `ACTIVITY_WINDOW` periods (default 4); the democracy: `DEMOCRACY_VOTING_DELAY` (default 1
/// hour), `DEMOCRACY_VOTING_PERIOD` (default 2 days), `DEMOCRACY_THRESHOLD` activity points
/// (default 1), `DEMOCRACY_QUORUM` percent (default 20), `LATE_QUORUM_EXTENSION` (default 1 day).
/// The DisputeCourt becomes the Marketplace's arbitrator and the Marketplace receives the
/// registry's SLASHER_ROLE. Usage:
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
        Constitution constitution;
        MonarchyRegime monarchy;
        CouncilSeats seats;
        CouncilGovernor council;
        ActivityVotes activity;
        DemocracyGovernor democracy;
        ActivityCreditor creditor;
        address marketplaceV2Implementation;
    }

    /// @notice The REGIME value is none of `monarchy`, `council`, `democracy`.
    error UnknownRegime(string regime);

    /// @notice Deploys and wires everything, hands it to the Constitution, then records the addresses.
    /// @return d The proxies, implementations and governance contracts.
    function run() external returns (Deployed memory d) {
        return runWith(vm.envOr("REGIME", string("council")));
    }

    /// @notice `run()` with the first regime given rather than read from REGIME.
    /// @param regime `council`, `monarchy` or `democracy`.
    /// @return d The proxies, implementations and governance contracts.
    function runWith(string memory regime) public returns (Deployed memory d) {
        uint256 deployBlock = block.number;
        vm.startBroadcast();
        (, address broadcaster,) = vm.readCallers();

        _deployGovernance(d, broadcaster);
        address treasury = vm.envOr("TREASURY", address(d.constitution));
        _deployModules(d, broadcaster, treasury);
        _deployCreditor(d, broadcaster);
        _establish(d, regime);
        vm.stopBroadcast();

        _record(d, deployBlock);
    }

    /// @dev The Constitution and every regime (only one is established, the others wait for a
    /// proposal to switch to them), and ActivityVotes administered by the Constitution.
    function _deployGovernance(Deployed memory d, address broadcaster) private {
        d.constitution = new Constitution(vm.envOr("MIN_DELAY", uint256(1 hours)));
        d.monarchy = new MonarchyRegime(
            d.constitution,
            vm.envOr("MONARCH", broadcaster),
            vm.envOr("HEIR", address(0)),
            uint32(vm.envOr("HEARTBEAT_PERIOD", uint256(30 days)))
        );
        address[] memory founders = new address[](1);
        founders[0] = broadcaster;
        d.seats = new CouncilSeats(
            address(d.constitution), vm.envOr("COUNCIL", ",", founders), vm.envOr("SEAT_LIMIT", uint256(7))
        );
        d.council = new CouncilGovernor(
            d.seats,
            d.constitution,
            uint48(vm.envOr("COUNCIL_VOTING_DELAY", uint256(60))),
            uint32(vm.envOr("COUNCIL_VOTING_PERIOD", uint256(1 days))),
            1,
            vm.envOr("COUNCIL_QUORUM", uint256(50))
        );
        // Administered by the broadcaster until the creditor holds CREDITOR_ROLE (`_deployCreditor`).
        d.activity = new ActivityVotes(
            broadcaster, vm.envOr("ACTIVITY_PERIOD", uint256(1 days)), vm.envOr("ACTIVITY_WINDOW", uint256(4))
        );
        d.democracy = new DemocracyGovernor(
            d.activity,
            d.constitution,
            uint48(vm.envOr("DEMOCRACY_VOTING_DELAY", uint256(1 hours))),
            uint32(vm.envOr("DEMOCRACY_VOTING_PERIOD", uint256(2 days))),
            vm.envOr("DEMOCRACY_THRESHOLD", uint256(1)),
            vm.envOr("DEMOCRACY_QUORUM", uint256(20)),
            uint48(vm.envOr("LATE_QUORUM_EXTENSION", uint256(1 days)))
        );
    }

    /// @dev The modules. The broadcaster administers the registry, Reputation and the Marketplace
    /// only while wiring them, then hands them over; the court and Certificates need no wiring and
    /// belong to the Constitution from their initializer.
    function _deployModules(Deployed memory d, address broadcaster, address treasury) private {
        address constitution = address(d.constitution);
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
            _proxy(d.courtImplementation, abi.encodeCall(DisputeCourt.initialize, (constitution, _courtParams(treasury))))
        );
        d.marketplace.setArbitrator(IArbitrator(address(d.court)));
        uint256 disputeSlash = vm.envOr("DISPUTE_SLASH", uint256(0));
        if (disputeSlash != 0) d.marketplace.setDisputeSlash(disputeSlash);
        d.registry.grantRole(d.registry.SLASHER_ROLE(), address(d.marketplace));
        _handOver(IAccessControl(address(d.reputation)), constitution, broadcaster);
        _handOver(IAccessControl(address(d.marketplace)), constitution, broadcaster);
        _handOver(IAccessControl(address(d.registry)), constitution, broadcaster);
        d.certificatesImplementation = address(new Certificates());
        d.certificates = Certificates(
            _proxy(
                d.certificatesImplementation,
                abi.encodeCall(Certificates.initialize, (constitution, address(d.registry)))
            )
        );
        // Last, once every module it reads exists: the stateless read-only lens (no proxy).
        d.lens = new DirectoryLens(d.registry, d.reputation, d.marketplace, d.certificates);
    }

    /// @dev The ActivityCreditor (once the modules it reads exist) receives ActivityVotes'
    /// CREDITOR_ROLE, then the Constitution takes ActivityVotes' admin role. Also deploys the
    /// MarketplaceV2 implementation (no proxy) that a proposal may upgrade the Marketplace to.
    function _deployCreditor(Deployed memory d, address broadcaster) private {
        d.creditor = new ActivityCreditor(
            d.activity, IMarketplace(address(d.marketplace)), IRatingRecord(address(d.reputation)), d.court
        );
        d.activity.grantRole(d.activity.CREDITOR_ROLE(), address(d.creditor));
        d.activity.grantRole(bytes32(0), address(d.constitution));
        d.activity.renounceRole(bytes32(0), broadcaster);
        d.marketplaceV2Implementation = address(new MarketplaceV2());
    }

    /// @dev The founder (the broadcaster) installs the first regime named by REGIME.
    function _establish(Deployed memory d, string memory regime) private {
        bytes32 kind = keccak256(bytes(regime));
        if (kind == keccak256("council")) d.constitution.establish(address(d.council));
        else if (kind == keccak256("monarchy")) d.constitution.establish(address(d.monarchy));
        else if (kind == keccak256("democracy")) d.constitution.establish(address(d.democracy));
        else revert UnknownRegime(regime);
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
    /// the Constitution and renounce them. The roles are the same bytes32 in every module.
    function _handOver(IAccessControl module, address constitution, address broadcaster) private {
        bytes32[3] memory roles = [keccak256("GOVERNOR_ROLE"), keccak256("UPGRADER_ROLE"), bytes32(0)];
        for (uint256 i; i < roles.length; ++i) {
            module.grantRole(roles[i], constitution);
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
        vm.serializeAddress(key, "Constitution", address(d.constitution));
        vm.serializeAddress(key, "MonarchyRegime", address(d.monarchy));
        vm.serializeAddress(key, "CouncilSeats", address(d.seats));
        vm.serializeAddress(key, "CouncilGovernor", address(d.council));
        vm.serializeAddress(key, "ActivityVotes", address(d.activity));
        vm.serializeAddress(key, "DemocracyGovernor", address(d.democracy));
        vm.serializeAddress(key, "ActivityCreditor", address(d.creditor));
        vm.serializeAddress(key, "MarketplaceV2Implementation", d.marketplaceV2Implementation);
        string memory json = vm.serializeAddress(key, "CollaboratorRegistry", address(d.registry));
        string memory file = vm.envOr(
            "DEPLOYMENTS_FILE", string.concat(vm.projectRoot(), "/deployments/", vm.toString(block.chainid), ".json")
        );
        vm.writeJson(json, file);
    }
}
