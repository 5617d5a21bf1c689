// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Test} from "forge-std/Test.sol";
import {StdInvariant} from "forge-std/StdInvariant.sol";
import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {Certificates} from "../src/Certificates.sol";
import {CollaboratorRegistry} from "../src/CollaboratorRegistry.sol";

/// Drives Certificates and the registry underneath it with several collaborators: raters, service
/// collaborators, one of both kinds and an outsider. Predicts every issue/revoke outcome, tries
/// every transfer and approval path, and moves the registry (suspensions, slashes, minimum bond,
/// leaving and rejoining) and the clock so validity keeps changing.
contract CertificatesHandler is Test {
    Certificates public immutable certificates;
    CollaboratorRegistry public immutable registry;
    address public immutable admin; // governor of both, slasher of the registry

    uint256 internal constant MIN_BOND = 0.01 ether;
    uint256 internal constant MAX_CERTIFICATES = 150;
    uint256[3] internal RATERS = [0, 1, 5];
    uint256[4] internal SERVICES = [2, 3, 4, 5];

    address[] internal actors;
    mapping(address => uint8) internal kindsOf;

    struct Model {
        address subject;
        address issuer;
        uint8 level;
        uint64 expiresAt;
        bool revoked;
    }

    Model[] internal model; // index = id - 1
    mapping(address => uint256[]) internal modelIds;

    uint256 public currentTime;
    uint256 public ghost_transferSucceeded;
    uint256 public ghost_unexpected;
    mapping(bytes32 => uint256) public calls;

    constructor(Certificates certificates_, CollaboratorRegistry registry_, address admin_) {
        certificates = certificates_;
        registry = registry_;
        admin = admin_;
        _actor("rater0", 2);
        _actor("rater1", 2);
        _actor("service0", 1);
        _actor("service1", 1);
        _actor("service2", 1);
        _actor("both", 3);
        actors.push(makeAddr("outsider")); // never joins
        currentTime = block.timestamp;
    }

    modifier useTime() {
        vm.warp(currentTime);
        _;
    }

    function _actor(string memory label, uint8 kinds) internal {
        address a = makeAddr(label);
        actors.push(a);
        kindsOf[a] = kinds;
        _joinRegistry(a);
    }

    function _joinRegistry(address a) internal {
        uint256 bond = MIN_BOND * 2;
        if (bond < registry.minBond()) bond = registry.minBond();
        vm.deal(a, a.balance + bond);
        vm.prank(a);
        registry.join{value: bond}(kindsOf[a], "member", "", "", bytes32(0));
    }

    // ───────────────────────────── reads for the invariants ─────────────────────────────

    function actorCount() external view returns (uint256) {
        return actors.length;
    }

    function actorAt(uint256 i) external view returns (address) {
        return actors[i];
    }

    function certificateCount() external view returns (uint256) {
        return model.length;
    }

    function modelOf(uint256 id) external view returns (Model memory) {
        return model[id - 1];
    }

    function modelIdsOf(address subject) external view returns (uint256[] memory) {
        return modelIds[subject];
    }

    // ───────────────────────────── certificate actions ─────────────────────────────

    function issue(uint256 issuerSeed, uint256 subjectSeed, uint8 level, uint256 validity) external useTime {
        if (model.length >= MAX_CERTIFICATES) return;
        // Mostly raters certifying service collaborators, sometimes anybody anybody.
        address issuer = issuerSeed % 4 != 0 ? actors[RATERS[(issuerSeed / 4) % 3]] : actors[issuerSeed % actors.length];
        address subject =
            subjectSeed % 4 != 0 ? actors[SERVICES[(subjectSeed / 4) % 4]] : actors[subjectSeed % actors.length];
        level = level % 5; // 0 and 4 are invalid
        if (level == 0 && validity % 3 != 0) level = 1; // mostly valid levels
        // Mostly a valid term, sometimes anything up to 800 days (0 and > 730 days are invalid).
        validity = validity % 5 == 0 ? bound(validity, 0, 800 days) : bound(validity, 1, 730 days);
        uint64 expiresAt = uint64(block.timestamp + validity);

        bytes memory expected;
        if (subject == issuer) {
            expected = abi.encodeWithSelector(Certificates.SelfCertification.selector);
        } else if (level == 0 || level > 3) {
            expected = abi.encodeWithSelector(Certificates.InvalidLevel.selector, level);
        } else if (validity == 0 || validity > 730 days) {
            expected = abi.encodeWithSelector(Certificates.InvalidExpiry.selector, expiresAt);
        } else if (!registry.hasKinds(issuer, 2) || !registry.isInGoodStanding(issuer)) {
            expected = abi.encodeWithSelector(Certificates.NotCertifier.selector, issuer);
        } else if (!registry.hasKinds(subject, 1)) {
            expected = abi.encodeWithSelector(Certificates.NotServiceCollaborator.selector, subject);
        }

        vm.prank(issuer);
        try certificates.issue(subject, level, expiresAt, "ipfs://evidence") returns (uint256 id) {
            if (expected.length != 0 || id != model.length + 1) ghost_unexpected++;
            model.push(Model(subject, issuer, level, expiresAt, false));
            modelIds[subject].push(id);
            calls["issue"]++;
        } catch (bytes memory err) {
            if (keccak256(err) != keccak256(expected)) ghost_unexpected++;
            calls["issueReverted"]++;
        }
    }

    function revoke(uint256 idSeed, uint256 callerSeed) external useTime {
        if (model.length == 0) return;
        uint256 id = idSeed % model.length + 1;
        Model storage m = model[id - 1];
        uint256 pick = callerSeed % 4;
        address caller = pick == 0 ? m.issuer : pick == 1 ? admin : actors[(callerSeed / 4) % actors.length];

        bytes memory expected;
        if (caller != m.issuer && caller != admin) {
            expected = abi.encodeWithSelector(Certificates.NotIssuerOrGovernor.selector, id, caller);
        } else if (m.revoked) {
            expected = abi.encodeWithSelector(Certificates.AlreadyRevoked.selector, id);
        }
        vm.prank(caller);
        try certificates.revoke(id, "handler") {
            if (expected.length != 0) ghost_unexpected++;
            m.revoked = true;
            calls["revoke"]++;
        } catch (bytes memory err) {
            if (keccak256(err) != keccak256(expected)) ghost_unexpected++;
            calls["revokeReverted"]++;
        }
    }

    /// Every way to move or approve a certificate, by anybody, including its subject.
    function tryTransfer(uint256 idSeed, uint256 callerSeed, uint256 toSeed, uint8 method) external useTime {
        // 1..count + 1: mostly existing certificates, sometimes the next, nonexistent id.
        uint256 id = idSeed % (model.length + 1) + 1;
        bool exists = id <= model.length;
        address caller = callerSeed % 2 == 0 && exists ? model[id - 1].subject : actors[callerSeed % actors.length];
        address to = actors[toSeed % actors.length];
        address from = exists ? model[id - 1].subject : caller;
        bytes memory data;
        method = method % 5;
        if (method == 0) {
            data = abi.encodeWithSignature("transferFrom(address,address,uint256)", from, to, id);
        } else if (method == 1) {
            data = abi.encodeWithSignature("safeTransferFrom(address,address,uint256)", from, to, id);
        } else if (method == 2) {
            data = abi.encodeWithSignature("safeTransferFrom(address,address,uint256,bytes)", from, to, id, "");
        } else if (method == 3) {
            data = abi.encodeWithSignature("approve(address,uint256)", to, id);
        } else {
            data = abi.encodeWithSignature("setApprovalForAll(address,bool)", to, true);
        }

        vm.prank(caller);
        (bool ok, bytes memory ret) = address(certificates).call(data);
        if (ok) ghost_transferSucceeded++;
        else if (keccak256(ret) != keccak256(abi.encodeWithSelector(Certificates.Soulbound.selector))) ghost_unexpected++;
        calls["tryTransfer"]++;
    }

    // ───────────────────────────── registry actions ─────────────────────────────

    /// One registry change, chosen by `action`: suspend, reinstate, slash, add bond, set the
    /// minimum bond, or leave / withdraw-and-rejoin. Kept to one selector so the registry moves
    /// about as often as certificates are issued.
    function registryAction(uint8 action, uint256 seed, uint256 amount) external useTime {
        action = action % 6;
        if (action == 0) _suspend(seed);
        else if (action == 1) _reinstate(seed);
        else if (action == 2) _slash(seed, amount);
        else if (action == 3) _addBond(seed, amount);
        else if (action == 4) _setMinBond(amount);
        else _leaveOrRejoin(seed);
    }

    function _suspend(uint256 seed) internal {
        address a = actors[seed % actors.length];
        if (registry.get(a).status != CollaboratorRegistry.Status.Active) return;
        vm.prank(admin);
        registry.suspend(a, "handler");
        calls["suspend"]++;
    }

    function _reinstate(uint256 seed) internal {
        address a = actors[seed % actors.length];
        if (registry.get(a).status != CollaboratorRegistry.Status.Suspended) return;
        vm.prank(admin);
        registry.reinstate(a);
        calls["reinstate"]++;
    }

    function _slash(uint256 seed, uint256 amount) internal {
        address a = actors[seed % actors.length];
        CollaboratorRegistry.Collaborator memory c = registry.get(a);
        if (c.bond == 0 || c.status == CollaboratorRegistry.Status.Exited) return;
        vm.prank(admin);
        // Mostly a small slash (the bond stays above the minimum), sometimes up to all of it.
        registry.slash(a, amount % 4 == 0 ? bound(amount, 1, c.bond) : bound(amount, 1, c.bond / 4 + 1), admin);
        calls["slash"]++;
    }

    function _addBond(uint256 seed, uint256 amount) internal {
        address a = actors[seed % actors.length];
        CollaboratorRegistry.Status s = registry.get(a).status;
        if (s != CollaboratorRegistry.Status.Active && s != CollaboratorRegistry.Status.Suspended) return;
        amount = bound(amount, 1, MIN_BOND * 2);
        vm.deal(a, a.balance + amount);
        vm.prank(a);
        registry.addBond{value: amount}();
        calls["addBond"]++;
    }

    function _setMinBond(uint256 minBond) internal {
        vm.prank(admin);
        // Mostly within the members' 2 × MIN_BOND; sometimes above, when nobody is in good standing.
        registry.setMinBond(
            minBond % 4 == 0 ? bound(minBond, MIN_BOND / 2, MIN_BOND * 3) : bound(minBond, MIN_BOND / 2, MIN_BOND)
        );
        calls["setMinBond"]++;
    }

    /// Leave, or — when already unbonding — withdraw and join again.
    function _leaveOrRejoin(uint256 seed) internal {
        address a = actors[seed % actors.length];
        if (kindsOf[a] == 0) return;
        CollaboratorRegistry.Collaborator memory c = registry.get(a);
        if (c.status == CollaboratorRegistry.Status.Active) {
            vm.prank(a);
            registry.leave();
            calls["leave"]++;
        } else if (c.status == CollaboratorRegistry.Status.Unbonding) {
            if (block.timestamp < c.unbondingEndsAt) {
                currentTime = c.unbondingEndsAt;
                vm.warp(currentTime);
            }
            vm.prank(a);
            registry.withdraw();
            _joinRegistry(a);
            calls["rejoin"]++;
        }
    }

    function warp(uint256 secondsForward) external useTime {
        currentTime = block.timestamp + bound(secondsForward, 0, 60 days);
        vm.warp(currentTime);
        calls["warp"]++;
    }
}

contract CertificatesInvariantTest is StdInvariant, Test {
    Certificates internal certificates;
    CollaboratorRegistry internal registry;
    CertificatesHandler internal handler;
    address internal admin = makeAddr("admin");

    function setUp() public {
        vm.warp(1_700_000_000);
        registry = CollaboratorRegistry(
            address(
                new ERC1967Proxy(
                    address(new CollaboratorRegistry()),
                    abi.encodeCall(CollaboratorRegistry.initialize, (admin, 0.01 ether, 7 days))
                )
            )
        );
        certificates = Certificates(
            address(
                new ERC1967Proxy(
                    address(new Certificates()), abi.encodeCall(Certificates.initialize, (admin, address(registry)))
                )
            )
        );
        vm.startPrank(admin);
        registry.grantRole(registry.SLASHER_ROLE(), admin);
        vm.stopPrank();
        handler = new CertificatesHandler(certificates, registry, admin);

        bytes4[] memory selectors = new bytes4[](5);
        selectors[0] = CertificatesHandler.issue.selector;
        selectors[1] = CertificatesHandler.revoke.selector;
        selectors[2] = CertificatesHandler.tryTransfer.selector;
        selectors[3] = CertificatesHandler.registryAction.selector;
        selectors[4] = CertificatesHandler.warp.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
        targetContract(address(handler));
    }

    /// No transfer or approval ever succeeds, and each fails with Soulbound.
    function invariant_noTransferEverSucceeds() public view {
        assertEq(handler.ghost_transferSucceeded(), 0);
    }

    /// Every issue and revoke outcome (success or exact revert) was predicted.
    function invariant_noUnexpectedOutcome() public view {
        assertEq(handler.ghost_unexpected(), 0);
    }

    /// Each certificate stays with its subject, locked and unapproved, with the recorded fields.
    function invariant_certificatesMatchModel() public view {
        uint256 n = handler.certificateCount();
        assertEq(certificates.totalIssued(), n);
        for (uint256 id = 1; id <= n; ++id) {
            CertificatesHandler.Model memory m = handler.modelOf(id);
            assertEq(certificates.ownerOf(id), m.subject, "owner never changes");
            assertTrue(certificates.locked(id), "locked");
            assertEq(certificates.getApproved(id), address(0), "never approved");
            Certificates.Certificate memory c = certificates.getCertificate(id);
            assertEq(c.subject, m.subject);
            assertEq(c.issuer, m.issuer);
            assertEq(c.level, m.level);
            assertEq(c.expiresAt, m.expiresAt);
            assertEq(c.revoked, m.revoked);
        }
        assertFalse(certificates.isValid(n + 1));
    }

    /// Valid exactly when unrevoked, unexpired and the issuer is in good standing.
    function invariant_validityRules() public view {
        for (uint256 id = 1; id <= handler.certificateCount(); ++id) {
            CertificatesHandler.Model memory m = handler.modelOf(id);
            bool expected = !m.revoked && block.timestamp < m.expiresAt && registry.isInGoodStanding(m.issuer);
            assertEq(certificates.isValid(id), expected, "isValid");
            assertEq(certificates.getCertificate(id).valid, expected, "getCertificate.valid");
        }
    }

    /// balanceOf and certificatesOf agree with the issue history; balances sum to the supply.
    function invariant_balancesAndListsMatch() public view {
        uint256 sum;
        for (uint256 i; i < handler.actorCount(); ++i) {
            address a = handler.actorAt(i);
            uint256[] memory expected = handler.modelIdsOf(a);
            uint256[] memory actual = certificates.certificatesOf(a);
            assertEq(certificates.balanceOf(a), expected.length, "balanceOf");
            assertEq(actual.length, expected.length, "certificatesOf length");
            for (uint256 j; j < expected.length; ++j) {
                assertEq(actual[j], expected[j], "certificatesOf order");
            }
            sum += expected.length;
        }
        assertEq(sum, certificates.totalIssued());
    }
}
