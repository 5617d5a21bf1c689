// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {CollaboratorRegistry} from "../src/CollaboratorRegistry.sol";
import {CollaboratorRegistryTestBase} from "./utils/CollaboratorRegistryTestBase.sol";
import {RejectingReceiver, ReentrantReceiver} from "./mocks/Receivers.sol";

contract CollaboratorRegistryTest is CollaboratorRegistryTestBase {
    bytes32 internal constant STORAGE_LOCATION = 0x06cf6a152e258bce182ecbffef8dd307726fb03b7c217e37c2ea9a65f11a9a00;

    uint8 internal constant SERVICE = 1;
    uint8 internal constant RATING = 2;
    uint8 internal constant ORACLE = 4;
    uint8 internal constant AGENT = 8;
    uint8 internal constant EVERY_KIND = 15;

    bytes32 internal GOVERNOR_ROLE;
    bytes32 internal SLASHER_ROLE;
    bytes32 internal UPGRADER_ROLE;
    bytes32 internal constant DEFAULT_ADMIN_ROLE = 0x00;

    function setUp() public {
        _deployDefault();
        GOVERNOR_ROLE = registry.GOVERNOR_ROLE();
        SLASHER_ROLE = registry.SLASHER_ROLE();
        UPGRADER_ROLE = registry.UPGRADER_ROLE();
    }

    // ───────────────────────────── helpers ─────────────────────────────

    function _expectWrongStatus(address who, CollaboratorRegistry.Status status) internal {
        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.WrongStatus.selector, who, status));
    }

    function _expectUnauthorized(address who, bytes32 role) internal {
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, who, role));
    }

    function _byKind(uint256 bit) internal view returns (uint32) {
        return registry.stats().byKind[bit];
    }

    function _assertStats(
        uint32 members,
        uint32 active,
        uint32[4] memory byKind,
        uint256 totalBonded,
        uint256 totalUnbonding
    ) internal view {
        CollaboratorRegistry.Stats memory s = registry.stats();
        assertEq(s.members, members, "members");
        assertEq(s.active, active, "active");
        for (uint256 i; i < 4; ++i) {
            assertEq(s.byKind[i], byKind[i], string.concat("byKind[", vm.toString(i), "]"));
        }
        assertEq(s.totalBonded, totalBonded, "totalBonded");
        assertEq(s.totalUnbonding, totalUnbonding, "totalUnbonding");
    }

    function _k(uint32 a, uint32 b, uint32 c, uint32 d) internal pure returns (uint32[4] memory k) {
        k[0] = a;
        k[1] = b;
        k[2] = c;
        k[3] = d;
    }

    // ─────────────────────────── constants ───────────────────────────

    function test_constants_haveDocumentedValues() public view {
        assertEq(registry.KIND_SERVICE(), 1);
        assertEq(registry.KIND_RATING(), 2);
        assertEq(registry.KIND_ORACLE(), 4);
        assertEq(registry.KIND_AGENT(), 8);
        assertEq(registry.ALL_KINDS(), 15);
        assertEq(registry.MAX_NAME_LENGTH(), 64);
        assertEq(registry.MAX_URI_LENGTH(), 256);
        assertEq(registry.MAX_PAGE_SIZE(), 500);
        assertEq(registry.MAX_UNBONDING_PERIOD(), 365 days);
        assertEq(GOVERNOR_ROLE, keccak256("GOVERNOR_ROLE"));
        assertEq(SLASHER_ROLE, keccak256("SLASHER_ROLE"));
        assertEq(UPGRADER_ROLE, keccak256("UPGRADER_ROLE"));
    }

    // ─────────────────────────── initialize ───────────────────────────

    function test_initialize_setsParametersAndEmptyState() public view {
        assertEq(registry.minBond(), MIN_BOND);
        assertEq(registry.unbondingPeriod(), UNBONDING_PERIOD);
        assertEq(registry.count(), 0);
        assertEq(registry.totalCredits(), 0);
        _assertStats(0, 0, _k(0, 0, 0, 0), 0, 0);
    }

    function test_initialize_grantsAdminGovernorUpgraderButNotSlasher() public {
        (, CollaboratorRegistry fresh) = _deployRegistry(admin, MIN_BOND, UNBONDING_PERIOD);
        assertTrue(fresh.hasRole(DEFAULT_ADMIN_ROLE, admin));
        assertTrue(fresh.hasRole(GOVERNOR_ROLE, admin));
        assertTrue(fresh.hasRole(UPGRADER_ROLE, admin));
        assertFalse(fresh.hasRole(SLASHER_ROLE, admin));
        assertFalse(fresh.hasRole(DEFAULT_ADMIN_ROLE, address(this)));
        assertEq(fresh.getRoleAdmin(SLASHER_ROLE), DEFAULT_ADMIN_ROLE);
        assertEq(fresh.getRoleAdmin(GOVERNOR_ROLE), DEFAULT_ADMIN_ROLE);
        assertEq(fresh.getRoleAdmin(UPGRADER_ROLE), DEFAULT_ADMIN_ROLE);
    }

    function test_initialize_emitsMinBondSetAndUnbondingPeriodSet() public {
        CollaboratorRegistry impl = new CollaboratorRegistry();
        address expectedProxy = vm.computeCreateAddress(address(this), vm.getNonce(address(this)));
        vm.expectEmit(expectedProxy);
        emit CollaboratorRegistry.MinBondSet(1 ether);
        vm.expectEmit(expectedProxy);
        emit CollaboratorRegistry.UnbondingPeriodSet(3 days);
        new ERC1967Proxy(address(impl), abi.encodeCall(CollaboratorRegistry.initialize, (admin, 1 ether, 3 days)));
    }

    function test_initialize_revertsWhenAdminIsZero() public {
        CollaboratorRegistry impl = new CollaboratorRegistry();
        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.ZeroAddress.selector));
        new ERC1967Proxy(address(impl), abi.encodeCall(CollaboratorRegistry.initialize, (address(0), 1, 1)));
    }

    function test_initialize_revertsWhenUnbondingPeriodTooLong() public {
        CollaboratorRegistry impl = new CollaboratorRegistry();
        uint64 tooLong = 365 days + 1;
        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.UnbondingPeriodTooLong.selector, tooLong));
        new ERC1967Proxy(address(impl), abi.encodeCall(CollaboratorRegistry.initialize, (admin, 1, tooLong)));
    }

    function test_initialize_acceptsMaxUnbondingPeriodAndZeroMinBond() public {
        (, CollaboratorRegistry fresh) = _deployRegistry(admin, 0, 365 days);
        assertEq(fresh.unbondingPeriod(), 365 days);
        assertEq(fresh.minBond(), 0);
    }

    function test_initialize_revertsWhenCalledTwiceOnProxy() public {
        vm.expectRevert(abi.encodeWithSelector(Initializable.InvalidInitialization.selector));
        registry.initialize(stranger, 0, 0);
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(Initializable.InvalidInitialization.selector));
        registry.initialize(admin, 0, 0);
    }

    function test_initialize_revertsOnImplementation() public {
        vm.expectRevert(abi.encodeWithSelector(Initializable.InvalidInitialization.selector));
        implementation.initialize(stranger, 0, 0);
        assertFalse(implementation.hasRole(DEFAULT_ADMIN_ROLE, stranger));
    }

    function test_storage_usesErc7201NamespacedSlot() public view {
        bytes32 expected =
            keccak256(abi.encode(uint256(keccak256("oso.storage.CollaboratorRegistry")) - 1)) & ~bytes32(uint256(0xff));
        assertEq(expected, STORAGE_LOCATION);
        assertEq(uint256(vm.load(address(registry), STORAGE_LOCATION)), MIN_BOND);
        assertEq(uint256(vm.load(address(registry), bytes32(uint256(STORAGE_LOCATION) + 1))), UNBONDING_PERIOD);
        // Nothing of the registry lives in the proxy's low slots.
        assertEq(vm.load(address(registry), bytes32(0)), bytes32(0));
    }

    function test_supportsInterface_reportsAccessControlAndErc165() public view {
        assertTrue(registry.supportsInterface(type(IAccessControl).interfaceId));
        assertTrue(registry.supportsInterface(type(IERC165).interfaceId));
        assertFalse(registry.supportsInterface(0xffffffff));
    }

    function test_receive_rejectsPlainEthTransfers() public {
        vm.deal(alice, 1 ether);
        vm.prank(alice);
        (bool ok,) = address(registry).call{value: 1 ether}("");
        assertFalse(ok, "bonds only enter through join/addBond");
        assertEq(address(registry).balance, 0);
    }

    // ───────────────────────────── join ─────────────────────────────

    function test_join_storesRecordAndAppendsAccount() public {
        vm.warp(1_700_000_000);
        _join(alice, SERVICE | ORACLE, 0.5 ether);

        CollaboratorRegistry.Collaborator memory c = registry.get(alice);
        assertEq(c.account, alice);
        assertEq(c.kinds, SERVICE | ORACLE);
        assertEq(uint8(c.status), uint8(CollaboratorRegistry.Status.Active));
        assertEq(c.joinedAt, 1_700_000_000);
        assertEq(c.unbondingEndsAt, 0);
        assertEq(c.bond, 0.5 ether);
        assertEq(c.name, NAME);
        assertEq(c.profileURI, PROFILE_URI);
        assertEq(c.sourceURI, SOURCE_URI);
        assertEq(c.sourceHash, SOURCE_HASH);

        assertEq(registry.count(), 1);
        assertEq(address(registry).balance, 0.5 ether);
        _assertStats(1, 1, _k(1, 0, 1, 0), 0.5 ether, 0);
    }

    function test_join_emitsJoinedThenUpdated() public {
        vm.deal(alice, 1 ether);
        vm.expectEmit(address(registry));
        emit CollaboratorRegistry.Joined(alice, RATING, NAME, 0.2 ether);
        vm.expectEmit(address(registry));
        emit CollaboratorRegistry.Updated(alice, RATING, NAME, PROFILE_URI, SOURCE_URI, SOURCE_HASH);
        vm.prank(alice);
        registry.join{value: 0.2 ether}(RATING, NAME, PROFILE_URI, SOURCE_URI, SOURCE_HASH);
    }

    function test_join_acceptsExactlyMinBond() public {
        _join(alice, SERVICE, MIN_BOND);
        assertEq(registry.get(alice).bond, MIN_BOND);
        assertTrue(registry.isInGoodStanding(alice));
    }

    function test_join_acceptsZeroBondWhenMinBondIsZero() public {
        vm.prank(admin);
        registry.setMinBond(0);
        vm.prank(alice);
        registry.join(SERVICE, NAME, "", "", bytes32(0));
        _assertStatus(alice, CollaboratorRegistry.Status.Active);
        assertTrue(registry.isInGoodStanding(alice));
    }

    function test_join_acceptsEmptyUrisAndZeroHash() public {
        vm.deal(alice, MIN_BOND);
        vm.prank(alice);
        registry.join{value: MIN_BOND}(AGENT, "a", "", "", bytes32(0));
        CollaboratorRegistry.Collaborator memory c = registry.get(alice);
        assertEq(c.name, "a");
        assertEq(bytes(c.profileURI).length, 0);
        assertEq(bytes(c.sourceURI).length, 0);
        assertEq(c.sourceHash, bytes32(0));
    }

    function test_join_acceptsMaxLengthNameAndUris() public {
        string memory name64 = _repeat("n", 64);
        string memory uri256 = _repeat("u", 256);
        vm.deal(alice, MIN_BOND);
        vm.prank(alice);
        registry.join{value: MIN_BOND}(EVERY_KIND, name64, uri256, uri256, SOURCE_HASH);
        CollaboratorRegistry.Collaborator memory c = registry.get(alice);
        assertEq(c.name, name64);
        assertEq(c.profileURI, uri256);
        assertEq(c.sourceURI, uri256);
        _assertStats(1, 1, _k(1, 1, 1, 1), MIN_BOND, 0);
    }

    function test_join_revertsWhenBondTooLow() public {
        vm.deal(alice, 1 ether);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.BondTooLow.selector, MIN_BOND - 1, MIN_BOND));
        registry.join{value: MIN_BOND - 1}(SERVICE, NAME, PROFILE_URI, SOURCE_URI, SOURCE_HASH);

        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.BondTooLow.selector, 0, MIN_BOND));
        registry.join(SERVICE, NAME, PROFILE_URI, SOURCE_URI, SOURCE_HASH);
    }

    function test_join_checksBondBeforeProfile() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.BondTooLow.selector, 0, MIN_BOND));
        registry.join(0, "", "", "", bytes32(0));
    }

    function test_join_revertsWhenKindsZero() public {
        vm.deal(alice, 1 ether);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.InvalidKinds.selector, uint8(0)));
        registry.join{value: MIN_BOND}(0, NAME, PROFILE_URI, SOURCE_URI, SOURCE_HASH);
    }

    function test_join_revertsWhenKindsHasUnknownBits() public {
        vm.deal(alice, 1 ether);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.InvalidKinds.selector, uint8(16)));
        registry.join{value: MIN_BOND}(16, NAME, PROFILE_URI, SOURCE_URI, SOURCE_HASH);

        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.InvalidKinds.selector, uint8(17)));
        registry.join{value: MIN_BOND}(17, NAME, PROFILE_URI, SOURCE_URI, SOURCE_HASH);
    }

    function test_join_revertsWhenNameEmpty() public {
        vm.deal(alice, 1 ether);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.InvalidName.selector));
        registry.join{value: MIN_BOND}(SERVICE, "", PROFILE_URI, SOURCE_URI, SOURCE_HASH);
    }

    function test_join_revertsWhenNameTooLong() public {
        string memory name65 = _repeat("n", 65);
        vm.deal(alice, 1 ether);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.InvalidName.selector));
        registry.join{value: MIN_BOND}(SERVICE, name65, PROFILE_URI, SOURCE_URI, SOURCE_HASH);
    }

    function test_join_revertsWhenProfileUriTooLong() public {
        string memory uri257 = _repeat("u", 257);
        vm.deal(alice, 1 ether);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.URITooLong.selector));
        registry.join{value: MIN_BOND}(SERVICE, NAME, uri257, SOURCE_URI, SOURCE_HASH);
    }

    function test_join_revertsWhenSourceUriTooLong() public {
        string memory uri257 = _repeat("u", 257);
        vm.deal(alice, 1 ether);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.URITooLong.selector));
        registry.join{value: MIN_BOND}(SERVICE, NAME, PROFILE_URI, uri257, SOURCE_HASH);
    }

    function test_join_revertsWhenAlreadyActive() public {
        _join(alice, SERVICE, MIN_BOND);
        vm.deal(alice, 1 ether);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.AlreadyRegistered.selector, alice));
        registry.join{value: MIN_BOND}(SERVICE, NAME, PROFILE_URI, SOURCE_URI, SOURCE_HASH);
    }

    function test_join_revertsWhenSuspended() public {
        _join(alice, SERVICE, MIN_BOND);
        _suspend(alice);
        vm.deal(alice, 1 ether);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.AlreadyRegistered.selector, alice));
        registry.join{value: MIN_BOND}(SERVICE, NAME, PROFILE_URI, SOURCE_URI, SOURCE_HASH);
    }

    function test_join_revertsWhenUnbonding() public {
        _join(alice, SERVICE, MIN_BOND);
        _leave(alice);
        vm.warp(block.timestamp + UNBONDING_PERIOD); // even once withdrawable, must withdraw first
        vm.deal(alice, 1 ether);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.AlreadyRegistered.selector, alice));
        registry.join{value: MIN_BOND}(SERVICE, NAME, PROFILE_URI, SOURCE_URI, SOURCE_HASH);
    }

    function test_join_checksRegistrationBeforeBond() public {
        _join(alice, SERVICE, MIN_BOND);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.AlreadyRegistered.selector, alice));
        registry.join(0, "", "", "", bytes32(0));
    }

    function test_join_keepsJoinOrderAcrossAccounts() public {
        _join(alice, SERVICE, MIN_BOND);
        _join(bob, RATING, MIN_BOND);
        _join(carol, ORACLE, MIN_BOND);
        CollaboratorRegistry.Collaborator[] memory p = registry.page(0, 10);
        assertEq(p.length, 3);
        assertEq(p[0].account, alice);
        assertEq(p[1].account, bob);
        assertEq(p[2].account, carol);
    }

    function test_join_afterExitReusesRecordWithoutGrowingCount() public {
        _join(alice, SERVICE, MIN_BOND, "first");
        _join(bob, RATING, MIN_BOND);
        _exit(alice);
        assertEq(registry.count(), 2);
        _assertStatus(alice, CollaboratorRegistry.Status.Exited);

        vm.warp(block.timestamp + 1 days);
        uint64 rejoinAt = uint64(block.timestamp);
        vm.deal(alice, 3 ether);
        vm.expectEmit(address(registry));
        emit CollaboratorRegistry.Joined(alice, AGENT | RATING, "second", 3 ether);
        vm.prank(alice);
        registry.join{value: 3 ether}(
            AGENT | RATING, "second", "ipfs://profile2", "ipfs://source2", bytes32(uint256(2))
        );

        assertEq(registry.count(), 2, "count unchanged");
        CollaboratorRegistry.Collaborator[] memory p = registry.page(0, 10);
        assertEq(p.length, 2);
        assertEq(p[0].account, alice, "alice keeps her original position");
        assertEq(p[1].account, bob);

        CollaboratorRegistry.Collaborator memory c = registry.get(alice);
        assertEq(c.account, alice);
        assertEq(uint8(c.status), uint8(CollaboratorRegistry.Status.Active));
        assertEq(c.kinds, AGENT | RATING);
        assertEq(c.joinedAt, rejoinAt);
        assertEq(c.unbondingEndsAt, 0, "unbondingEndsAt reset");
        assertEq(c.bond, 3 ether);
        assertEq(c.name, "second");
        assertEq(c.profileURI, "ipfs://profile2");
        assertEq(c.sourceURI, "ipfs://source2");
        assertEq(c.sourceHash, bytes32(uint256(2)));

        _assertStats(2, 2, _k(0, 2, 0, 1), MIN_BOND + 3 ether, 0);
    }

    // ───────────────────────────── update ─────────────────────────────

    function test_update_changesProfileFieldsAndEmits() public {
        _join(alice, SERVICE, MIN_BOND);
        uint64 joinedAt = registry.get(alice).joinedAt;
        vm.warp(block.timestamp + 100);

        vm.expectEmit(address(registry));
        emit CollaboratorRegistry.Updated(alice, SERVICE, "Alice 2", "ipfs://p", "ipfs://s", bytes32(uint256(7)));
        vm.prank(alice);
        registry.update(SERVICE, "Alice 2", "ipfs://p", "ipfs://s", bytes32(uint256(7)));

        CollaboratorRegistry.Collaborator memory c = registry.get(alice);
        assertEq(c.name, "Alice 2");
        assertEq(c.profileURI, "ipfs://p");
        assertEq(c.sourceURI, "ipfs://s");
        assertEq(c.sourceHash, bytes32(uint256(7)));
        assertEq(c.kinds, SERVICE);
        assertEq(c.joinedAt, joinedAt, "joinedAt untouched");
        assertEq(c.bond, MIN_BOND, "bond untouched");
        assertEq(registry.count(), 1);
    }

    function test_update_changingKindsMovesByKindCounts() public {
        _join(alice, SERVICE | RATING, MIN_BOND);
        _join(bob, SERVICE, MIN_BOND);
        _assertStats(2, 2, _k(2, 1, 0, 0), 2 * MIN_BOND, 0);

        vm.prank(alice);
        registry.update(RATING | ORACLE | AGENT, NAME, PROFILE_URI, SOURCE_URI, SOURCE_HASH);
        assertEq(registry.get(alice).kinds, RATING | ORACLE | AGENT);
        _assertStats(2, 2, _k(1, 1, 1, 1), 2 * MIN_BOND, 0);
    }

    function test_update_sameKindsLeavesStatsUntouched() public {
        _join(alice, SERVICE | AGENT, MIN_BOND);
        vm.prank(alice);
        registry.update(SERVICE | AGENT, "renamed", "", "", bytes32(0));
        _assertStats(1, 1, _k(1, 0, 0, 1), MIN_BOND, 0);
    }

    function test_update_allowedWhileSuspended() public {
        _join(alice, SERVICE, MIN_BOND);
        _suspend(alice);
        vm.prank(alice);
        registry.update(ORACLE, "still here", "", "", bytes32(0));
        CollaboratorRegistry.Collaborator memory c = registry.get(alice);
        assertEq(c.name, "still here");
        assertEq(c.kinds, ORACLE);
        _assertStatus(alice, CollaboratorRegistry.Status.Suspended);
        _assertStats(1, 0, _k(0, 0, 1, 0), MIN_BOND, 0);
    }

    function test_update_revertsWhenNeverJoined() public {
        vm.prank(alice);
        _expectWrongStatus(alice, CollaboratorRegistry.Status.None);
        registry.update(SERVICE, NAME, PROFILE_URI, SOURCE_URI, SOURCE_HASH);
    }

    function test_update_revertsWhenUnbonding() public {
        _join(alice, SERVICE, MIN_BOND);
        _leave(alice);
        vm.prank(alice);
        _expectWrongStatus(alice, CollaboratorRegistry.Status.Unbonding);
        registry.update(SERVICE, NAME, PROFILE_URI, SOURCE_URI, SOURCE_HASH);
    }

    function test_update_revertsWhenExited() public {
        _join(alice, SERVICE, MIN_BOND);
        _exit(alice);
        vm.prank(alice);
        _expectWrongStatus(alice, CollaboratorRegistry.Status.Exited);
        registry.update(SERVICE, NAME, PROFILE_URI, SOURCE_URI, SOURCE_HASH);
    }

    function test_update_revertsOnInvalidKinds() public {
        _join(alice, SERVICE, MIN_BOND);
        vm.startPrank(alice);
        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.InvalidKinds.selector, uint8(0)));
        registry.update(0, NAME, PROFILE_URI, SOURCE_URI, SOURCE_HASH);
        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.InvalidKinds.selector, uint8(255)));
        registry.update(255, NAME, PROFILE_URI, SOURCE_URI, SOURCE_HASH);
        vm.stopPrank();
    }

    function test_update_revertsOnInvalidName() public {
        _join(alice, SERVICE, MIN_BOND);
        string memory name65 = _repeat("x", 65);
        vm.startPrank(alice);
        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.InvalidName.selector));
        registry.update(SERVICE, "", PROFILE_URI, SOURCE_URI, SOURCE_HASH);
        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.InvalidName.selector));
        registry.update(SERVICE, name65, PROFILE_URI, SOURCE_URI, SOURCE_HASH);
        vm.stopPrank();
    }

    function test_update_revertsOnUriTooLong() public {
        _join(alice, SERVICE, MIN_BOND);
        string memory uri257 = _repeat("u", 257);
        vm.startPrank(alice);
        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.URITooLong.selector));
        registry.update(SERVICE, NAME, uri257, SOURCE_URI, SOURCE_HASH);
        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.URITooLong.selector));
        registry.update(SERVICE, NAME, PROFILE_URI, uri257, SOURCE_HASH);
        vm.stopPrank();
    }

    // ───────────────────────────── addBond ─────────────────────────────

    function test_addBond_increasesBondAndTotalAndEmits() public {
        _join(alice, SERVICE, MIN_BOND);
        vm.deal(alice, 1 ether);
        vm.expectEmit(address(registry));
        emit CollaboratorRegistry.BondAdded(alice, 0.3 ether, MIN_BOND + 0.3 ether);
        vm.prank(alice);
        registry.addBond{value: 0.3 ether}();
        assertEq(registry.get(alice).bond, MIN_BOND + 0.3 ether);
        assertEq(address(registry).balance, MIN_BOND + 0.3 ether);
        _assertStats(1, 1, _k(1, 0, 0, 0), MIN_BOND + 0.3 ether, 0);
    }

    function test_addBond_allowedWhileSuspended() public {
        _join(alice, SERVICE, MIN_BOND);
        _suspend(alice);
        vm.deal(alice, 1 ether);
        vm.prank(alice);
        registry.addBond{value: 1 ether}();
        assertEq(registry.get(alice).bond, MIN_BOND + 1 ether);
        _assertStats(1, 0, _k(1, 0, 0, 0), MIN_BOND + 1 ether, 0);
    }

    function test_addBond_restoresGoodStandingAfterSlash() public {
        _join(alice, SERVICE, MIN_BOND);
        _slash(alice, 1, treasury);
        assertFalse(registry.isInGoodStanding(alice));
        vm.deal(alice, 1);
        vm.prank(alice);
        registry.addBond{value: 1}();
        assertTrue(registry.isInGoodStanding(alice));
    }

    function test_addBond_revertsOnZeroAmount() public {
        _join(alice, SERVICE, MIN_BOND);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.ZeroAmount.selector));
        registry.addBond();
    }

    function test_addBond_checksZeroAmountBeforeStatus() public {
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.ZeroAmount.selector));
        registry.addBond();
    }

    function test_addBond_revertsWhenNeverJoined() public {
        vm.deal(alice, 1 ether);
        vm.prank(alice);
        _expectWrongStatus(alice, CollaboratorRegistry.Status.None);
        registry.addBond{value: 1 ether}();
    }

    function test_addBond_revertsWhenUnbonding() public {
        _join(alice, SERVICE, MIN_BOND);
        _leave(alice);
        vm.deal(alice, 1 ether);
        vm.prank(alice);
        _expectWrongStatus(alice, CollaboratorRegistry.Status.Unbonding);
        registry.addBond{value: 1 ether}();
    }

    function test_addBond_revertsWhenExited() public {
        _join(alice, SERVICE, MIN_BOND);
        _exit(alice);
        vm.deal(alice, 1 ether);
        vm.prank(alice);
        _expectWrongStatus(alice, CollaboratorRegistry.Status.Exited);
        registry.addBond{value: 1 ether}();
    }

    // ───────────────────────────── leave ─────────────────────────────

    function test_leave_startsUnbondingAndMovesBondToUnbonding() public {
        _join(alice, SERVICE | RATING, 2 ether);
        _join(bob, RATING, MIN_BOND);
        vm.warp(1_800_000_000);
        uint64 endsAt = uint64(block.timestamp) + UNBONDING_PERIOD;

        vm.expectEmit(address(registry));
        emit CollaboratorRegistry.Left(alice, endsAt);
        _leave(alice);

        CollaboratorRegistry.Collaborator memory c = registry.get(alice);
        assertEq(uint8(c.status), uint8(CollaboratorRegistry.Status.Unbonding));
        assertEq(c.unbondingEndsAt, endsAt);
        assertEq(c.bond, 2 ether, "bond kept while unbonding");
        // members and byKind still count the unbonding collaborator until it withdraws.
        _assertStats(2, 1, _k(1, 2, 0, 0), MIN_BOND, 2 ether);
        assertFalse(registry.isInGoodStanding(alice));
        assertFalse(registry.hasKinds(alice, SERVICE));
    }

    function test_leave_usesPeriodInForceAtLeaveTime() public {
        _join(alice, SERVICE, MIN_BOND);
        _leave(alice);
        uint64 endsAt = registry.get(alice).unbondingEndsAt;
        vm.prank(admin);
        registry.setUnbondingPeriod(365 days);
        assertEq(registry.get(alice).unbondingEndsAt, endsAt);
        vm.warp(endsAt);
        _withdraw(alice);
        _assertStatus(alice, CollaboratorRegistry.Status.Exited);
    }

    function test_leave_revertsWhenNeverJoined() public {
        vm.prank(alice);
        _expectWrongStatus(alice, CollaboratorRegistry.Status.None);
        registry.leave();
    }

    function test_leave_revertsWhenSuspended() public {
        _join(alice, SERVICE, MIN_BOND);
        _suspend(alice);
        vm.prank(alice);
        _expectWrongStatus(alice, CollaboratorRegistry.Status.Suspended);
        registry.leave();
    }

    function test_leave_revertsWhenAlreadyUnbonding() public {
        _join(alice, SERVICE, MIN_BOND);
        _leave(alice);
        vm.prank(alice);
        _expectWrongStatus(alice, CollaboratorRegistry.Status.Unbonding);
        registry.leave();
    }

    function test_leave_revertsWhenExited() public {
        _join(alice, SERVICE, MIN_BOND);
        _exit(alice);
        vm.prank(alice);
        _expectWrongStatus(alice, CollaboratorRegistry.Status.Exited);
        registry.leave();
    }

    // ───────────────────────────── withdraw ─────────────────────────────

    function test_withdraw_paysBondMarksExitedAndEmits() public {
        _join(alice, SERVICE | AGENT, 1 ether);
        _join(bob, SERVICE, MIN_BOND);
        _leave(alice);
        vm.warp(registry.get(alice).unbondingEndsAt);
        uint256 before = alice.balance;

        vm.expectEmit(address(registry));
        emit CollaboratorRegistry.Withdrawn(alice, 1 ether);
        _withdraw(alice);

        assertEq(alice.balance, before + 1 ether);
        assertEq(address(registry).balance, MIN_BOND);
        CollaboratorRegistry.Collaborator memory c = registry.get(alice);
        assertEq(uint8(c.status), uint8(CollaboratorRegistry.Status.Exited));
        assertEq(c.bond, 0);
        assertEq(c.account, alice, "record kept");
        assertEq(c.name, NAME, "profile kept");
        assertEq(registry.count(), 2);
        _assertStats(1, 1, _k(1, 0, 0, 0), MIN_BOND, 0);
    }

    function test_withdraw_revertsOneSecondBeforeUnbondingEnds() public {
        _join(alice, SERVICE, MIN_BOND);
        _leave(alice);
        uint64 endsAt = registry.get(alice).unbondingEndsAt;
        vm.warp(endsAt - 1);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.StillUnbonding.selector, endsAt));
        registry.withdraw();
    }

    function test_withdraw_revertsImmediatelyAfterLeave() public {
        _join(alice, SERVICE, MIN_BOND);
        _leave(alice);
        uint64 endsAt = registry.get(alice).unbondingEndsAt;
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.StillUnbonding.selector, endsAt));
        registry.withdraw();
    }

    function test_withdraw_succeedsExactlyAtUnbondingEnd() public {
        _join(alice, SERVICE, MIN_BOND);
        _leave(alice);
        uint64 endsAt = registry.get(alice).unbondingEndsAt;
        vm.warp(endsAt);
        _withdraw(alice);
        _assertStatus(alice, CollaboratorRegistry.Status.Exited);
        assertEq(alice.balance, MIN_BOND);
    }

    function test_withdraw_immediatelyWhenUnbondingPeriodIsZero() public {
        vm.prank(admin);
        registry.setUnbondingPeriod(0);
        _join(alice, SERVICE, MIN_BOND);
        _leave(alice);
        assertEq(registry.get(alice).unbondingEndsAt, block.timestamp);
        _withdraw(alice);
        _assertStatus(alice, CollaboratorRegistry.Status.Exited);
    }

    function test_withdraw_paysNothingAfterFullSlash() public {
        _join(alice, SERVICE, 1 ether);
        _leave(alice);
        _slash(alice, 1 ether, treasury);
        vm.warp(block.timestamp + UNBONDING_PERIOD);
        vm.expectEmit(address(registry));
        emit CollaboratorRegistry.Withdrawn(alice, 0);
        _withdraw(alice);
        assertEq(alice.balance, 0);
        _assertStatus(alice, CollaboratorRegistry.Status.Exited);
        _assertStats(0, 0, _k(0, 0, 0, 0), 0, 0);
        assertEq(address(registry).balance, 1 ether, "slashed ETH stays for the credit");
        assertEq(registry.totalCredits(), 1 ether);
    }

    function test_withdraw_revertsWhenNeverJoined() public {
        vm.prank(alice);
        _expectWrongStatus(alice, CollaboratorRegistry.Status.None);
        registry.withdraw();
    }

    function test_withdraw_revertsWhenActive() public {
        _join(alice, SERVICE, MIN_BOND);
        vm.prank(alice);
        _expectWrongStatus(alice, CollaboratorRegistry.Status.Active);
        registry.withdraw();
    }

    function test_withdraw_revertsWhenSuspended() public {
        _join(alice, SERVICE, MIN_BOND);
        _suspend(alice);
        vm.prank(alice);
        _expectWrongStatus(alice, CollaboratorRegistry.Status.Suspended);
        registry.withdraw();
    }

    function test_withdraw_cannotBeRepeated() public {
        _join(alice, SERVICE, MIN_BOND);
        _exit(alice);
        vm.prank(alice);
        _expectWrongStatus(alice, CollaboratorRegistry.Status.Exited);
        registry.withdraw();
        assertEq(alice.balance, MIN_BOND);
    }

    function test_withdraw_revertsWithTransferFailedWhenReceiverRejectsAndLosesNothing() public {
        RejectingReceiver r = new RejectingReceiver(registry);
        vm.deal(address(this), 1 ether);
        r.join{value: 1 ether}(SERVICE);
        r.leave();
        uint64 endsAt = registry.get(address(r)).unbondingEndsAt;
        vm.warp(endsAt);

        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.TransferFailed.selector));
        r.withdraw();

        // Nothing moved: still unbonding with the full bond, ETH still held.
        CollaboratorRegistry.Collaborator memory c = registry.get(address(r));
        assertEq(uint8(c.status), uint8(CollaboratorRegistry.Status.Unbonding));
        assertEq(c.bond, 1 ether);
        assertEq(address(registry).balance, 1 ether);
        _assertStats(1, 0, _k(1, 0, 0, 0), 0, 1 ether);

        // Once it accepts ETH it gets the whole bond.
        r.setAccepting(true);
        r.withdraw();
        assertEq(address(r).balance, 1 ether);
        assertEq(address(registry).balance, 0);
        _assertStatus(address(r), CollaboratorRegistry.Status.Exited);
    }

    function test_withdraw_reentrantWithdrawIsBlockedAndBubblesAsTransferFailed() public {
        ReentrantReceiver r = new ReentrantReceiver(registry);
        _join(alice, SERVICE, 5 ether); // other funds an attacker could try to drain
        vm.deal(address(this), 1 ether);
        r.join{value: 1 ether}(SERVICE);
        r.leave();
        vm.warp(block.timestamp + UNBONDING_PERIOD);
        r.arm(ReentrantReceiver.Target.Withdraw, false);

        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.TransferFailed.selector));
        r.withdraw();

        assertEq(address(registry).balance, 6 ether);
        assertEq(address(r).balance, 0);
        _assertStatus(address(r), CollaboratorRegistry.Status.Unbonding);
        assertEq(registry.get(address(r)).bond, 1 ether);
    }

    function test_withdraw_reentrantWithdrawIsBlockedWithReentrancyGuardAndPaysOnce() public {
        ReentrantReceiver r = new ReentrantReceiver(registry);
        _join(alice, SERVICE, 5 ether);
        vm.deal(address(this), 1 ether);
        r.join{value: 1 ether}(SERVICE);
        r.leave();
        vm.warp(block.timestamp + UNBONDING_PERIOD);
        r.arm(ReentrantReceiver.Target.Withdraw, true);

        r.withdraw();

        assertTrue(r.reentered());
        assertFalse(r.reentrySucceeded());
        assertEq(
            r.reentryError(), abi.encodeWithSelector(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector)
        );
        assertEq(r.payments(), 1);
        assertEq(r.received(), 1 ether);
        assertEq(address(r).balance, 1 ether);
        assertEq(address(registry).balance, 5 ether);
        _assertStatus(address(r), CollaboratorRegistry.Status.Exited);
        _assertStats(1, 1, _k(1, 0, 0, 0), 5 ether, 0);
    }

    function test_withdraw_reentrantClaimIsBlockedAndCreditSurvives() public {
        ReentrantReceiver r = new ReentrantReceiver(registry);
        _join(alice, SERVICE, 5 ether);
        _slash(alice, 2 ether, address(r));
        vm.deal(address(this), 1 ether);
        r.join{value: 1 ether}(SERVICE);
        r.leave();
        vm.warp(block.timestamp + UNBONDING_PERIOD);
        r.arm(ReentrantReceiver.Target.Claim, true);

        r.withdraw();

        assertEq(
            r.reentryError(), abi.encodeWithSelector(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector)
        );
        assertEq(r.received(), 1 ether);
        assertEq(registry.creditOf(address(r)), 2 ether, "credit untouched");

        r.claim();
        assertEq(r.received(), 3 ether);
        assertEq(registry.creditOf(address(r)), 0);
        assertEq(address(registry).balance, 3 ether);
    }

    // ───────────────────────────── claim ─────────────────────────────

    function test_claim_paysCreditAndEmits() public {
        _join(alice, SERVICE, 1 ether);
        _slash(alice, 0.4 ether, treasury);

        vm.expectEmit(address(registry));
        emit CollaboratorRegistry.CreditClaimed(treasury, 0.4 ether);
        vm.prank(treasury);
        registry.claim();

        assertEq(treasury.balance, 0.4 ether);
        assertEq(registry.creditOf(treasury), 0);
        assertEq(registry.totalCredits(), 0);
        assertEq(address(registry).balance, 0.6 ether);
    }

    function test_claim_revertsWhenNothingToClaim() public {
        vm.prank(treasury);
        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.NothingToClaim.selector));
        registry.claim();
    }

    function test_claim_cannotBeRepeated() public {
        _join(alice, SERVICE, 1 ether);
        _slash(alice, 0.4 ether, treasury);
        vm.prank(treasury);
        registry.claim();
        vm.prank(treasury);
        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.NothingToClaim.selector));
        registry.claim();
        assertEq(treasury.balance, 0.4 ether);
    }

    function test_claim_revertsWithTransferFailedWhenReceiverRejectsAndKeepsCredit() public {
        RejectingReceiver r = new RejectingReceiver(registry);
        _join(alice, SERVICE, 1 ether);
        _slash(alice, 0.25 ether, address(r));

        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.TransferFailed.selector));
        r.claim();
        assertEq(registry.creditOf(address(r)), 0.25 ether);
        assertEq(registry.totalCredits(), 0.25 ether);
        assertEq(address(registry).balance, 1 ether);

        r.setAccepting(true);
        r.claim();
        assertEq(address(r).balance, 0.25 ether);
        assertEq(registry.totalCredits(), 0);
    }

    function test_claim_reentrantClaimIsBlockedAndPaysOnce() public {
        ReentrantReceiver r = new ReentrantReceiver(registry);
        _join(alice, SERVICE, 5 ether);
        _slash(alice, 1 ether, address(r));
        r.arm(ReentrantReceiver.Target.Claim, true);

        r.claim();

        assertEq(
            r.reentryError(), abi.encodeWithSelector(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector)
        );
        assertEq(r.payments(), 1);
        assertEq(address(r).balance, 1 ether);
        assertEq(address(registry).balance, 4 ether);
        assertEq(registry.totalCredits(), 0);
    }

    function test_claim_reentrantClaimBubblesAsTransferFailed() public {
        ReentrantReceiver r = new ReentrantReceiver(registry);
        _join(alice, SERVICE, 5 ether);
        _slash(alice, 1 ether, address(r));
        r.arm(ReentrantReceiver.Target.Claim, false);

        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.TransferFailed.selector));
        r.claim();

        assertEq(address(r).balance, 0);
        assertEq(registry.creditOf(address(r)), 1 ether);
        assertEq(address(registry).balance, 5 ether);
    }

    function test_claim_reentrantWithdrawIsBlocked() public {
        ReentrantReceiver r = new ReentrantReceiver(registry);
        _join(alice, SERVICE, 5 ether);
        _slash(alice, 1 ether, address(r));
        vm.deal(address(this), 2 ether);
        r.join{value: 2 ether}(SERVICE);
        r.leave();
        vm.warp(block.timestamp + UNBONDING_PERIOD);
        r.arm(ReentrantReceiver.Target.Withdraw, true);

        r.claim();

        assertEq(
            r.reentryError(), abi.encodeWithSelector(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector)
        );
        assertEq(address(r).balance, 1 ether);
        _assertStatus(address(r), CollaboratorRegistry.Status.Unbonding);

        r.withdraw();
        assertEq(address(r).balance, 3 ether);
        assertEq(address(registry).balance, 4 ether);
    }

    // ───────────────────────────── slash ─────────────────────────────

    function test_slash_activeBondReducesTotalBondedAndCredits() public {
        _join(alice, SERVICE, 1 ether);
        vm.expectEmit(address(registry));
        emit CollaboratorRegistry.Slashed(alice, 0.3 ether, treasury);
        _slash(alice, 0.3 ether, treasury);

        assertEq(registry.get(alice).bond, 0.7 ether);
        assertEq(registry.creditOf(treasury), 0.3 ether);
        assertEq(registry.totalCredits(), 0.3 ether);
        assertEq(address(registry).balance, 1 ether);
        _assertStatus(alice, CollaboratorRegistry.Status.Active);
        _assertStats(1, 1, _k(1, 0, 0, 0), 0.7 ether, 0);
    }

    function test_slash_suspendedBondReducesTotalBonded() public {
        _join(alice, SERVICE, 1 ether);
        _suspend(alice);
        _slash(alice, 1 ether, treasury);
        assertEq(registry.get(alice).bond, 0);
        _assertStatus(alice, CollaboratorRegistry.Status.Suspended);
        _assertStats(1, 0, _k(1, 0, 0, 0), 0, 0);
        assertEq(registry.totalCredits(), 1 ether);
    }

    function test_slash_unbondingBondReducesTotalUnbonding() public {
        _join(alice, SERVICE, 1 ether);
        _join(bob, SERVICE, 2 ether);
        _leave(alice);
        _slash(alice, 0.6 ether, treasury);
        assertEq(registry.get(alice).bond, 0.4 ether);
        _assertStatus(alice, CollaboratorRegistry.Status.Unbonding);
        _assertStats(2, 1, _k(2, 0, 0, 0), 2 ether, 0.4 ether);

        vm.warp(block.timestamp + UNBONDING_PERIOD);
        _withdraw(alice);
        assertEq(alice.balance, 0.4 ether);
    }

    function test_slash_creditsAccumulateAcrossSlashes() public {
        _join(alice, SERVICE, 1 ether);
        _join(bob, SERVICE, 1 ether);
        _slash(alice, 0.1 ether, treasury);
        _slash(bob, 0.2 ether, treasury);
        _slash(alice, 0.3 ether, carol);
        assertEq(registry.creditOf(treasury), 0.3 ether);
        assertEq(registry.creditOf(carol), 0.3 ether);
        assertEq(registry.totalCredits(), 0.6 ether);
        assertEq(registry.get(alice).bond, 0.6 ether);
        assertEq(registry.get(bob).bond, 0.8 ether);
    }

    function test_slash_canCreditTheSlashedAccountItself() public {
        _join(alice, SERVICE, 1 ether);
        _slash(alice, 0.5 ether, alice);
        assertEq(registry.creditOf(alice), 0.5 ether);
        vm.prank(alice);
        registry.claim();
        assertEq(alice.balance, 0.5 ether);
    }

    function test_slash_belowMinBondLosesGoodStanding() public {
        _join(alice, SERVICE, MIN_BOND);
        assertTrue(registry.isInGoodStanding(alice));
        _slash(alice, 1, treasury);
        assertFalse(registry.isInGoodStanding(alice));
        assertTrue(registry.hasKinds(alice, SERVICE), "still Active");
    }

    function test_slash_revertsForNonSlasher() public {
        _join(alice, SERVICE, 1 ether);
        vm.prank(stranger);
        _expectUnauthorized(stranger, SLASHER_ROLE);
        registry.slash(alice, 1, treasury);

        // The admin does not hold the slasher role by default.
        vm.prank(admin);
        _expectUnauthorized(admin, SLASHER_ROLE);
        registry.slash(alice, 1, treasury);
    }

    function test_slash_revertsWhenRecipientIsZero() public {
        _join(alice, SERVICE, 1 ether);
        vm.prank(court);
        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.ZeroAddress.selector));
        registry.slash(alice, 1, address(0));
    }

    function test_slash_revertsOnZeroAmount() public {
        _join(alice, SERVICE, 1 ether);
        vm.prank(court);
        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.ZeroAmount.selector));
        registry.slash(alice, 0, treasury);
    }

    function test_slash_revertsWhenNotRegistered() public {
        vm.prank(court);
        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.NotRegistered.selector, stranger));
        registry.slash(stranger, 1, treasury);
    }

    function test_slash_revertsWhenExited() public {
        _join(alice, SERVICE, 1 ether);
        _exit(alice);
        vm.prank(court);
        _expectWrongStatus(alice, CollaboratorRegistry.Status.Exited);
        registry.slash(alice, 1, treasury);
    }

    function test_slash_revertsWhenAmountExceedsBond() public {
        _join(alice, SERVICE, 1 ether);
        vm.prank(court);
        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.SlashExceedsBond.selector, 1 ether + 1, 1 ether));
        registry.slash(alice, 1 ether + 1, treasury);
    }

    function test_slash_checksRecipientThenAmountThenRegistration() public {
        vm.startPrank(court);
        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.ZeroAddress.selector));
        registry.slash(stranger, 0, address(0));
        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.ZeroAmount.selector));
        registry.slash(stranger, 0, treasury);
        vm.stopPrank();
    }

    function test_slash_workForNewlyGrantedSlasherAndStopAfterRevoke() public {
        _join(alice, SERVICE, 1 ether);
        vm.prank(admin);
        registry.grantRole(SLASHER_ROLE, carol);
        vm.prank(carol);
        registry.slash(alice, 1, treasury);

        vm.prank(admin);
        registry.revokeRole(SLASHER_ROLE, carol);
        vm.prank(carol);
        _expectUnauthorized(carol, SLASHER_ROLE);
        registry.slash(alice, 1, treasury);
    }

    // ───────────────────────────── suspend / reinstate ─────────────────────────────

    function test_suspend_barsActiveCollaboratorAndEmits() public {
        _join(alice, SERVICE | ORACLE, 1 ether);
        vm.expectEmit(address(registry));
        emit CollaboratorRegistry.Suspended(alice, "spam");
        vm.prank(admin);
        registry.suspend(alice, "spam");

        _assertStatus(alice, CollaboratorRegistry.Status.Suspended);
        assertEq(registry.get(alice).bond, 1 ether, "bond kept");
        assertFalse(registry.isInGoodStanding(alice));
        assertFalse(registry.hasKinds(alice, SERVICE));
        _assertStats(1, 0, _k(1, 0, 1, 0), 1 ether, 0);
    }

    function test_suspend_revertsForNonGovernor() public {
        _join(alice, SERVICE, 1 ether);
        vm.prank(stranger);
        _expectUnauthorized(stranger, GOVERNOR_ROLE);
        registry.suspend(alice, "x");

        vm.prank(court);
        _expectUnauthorized(court, GOVERNOR_ROLE);
        registry.suspend(alice, "x");
    }

    function test_suspend_revertsWhenNeverJoined() public {
        vm.prank(admin);
        _expectWrongStatus(alice, CollaboratorRegistry.Status.None);
        registry.suspend(alice, "x");
    }

    function test_suspend_revertsWhenAlreadySuspended() public {
        _join(alice, SERVICE, 1 ether);
        _suspend(alice);
        vm.prank(admin);
        _expectWrongStatus(alice, CollaboratorRegistry.Status.Suspended);
        registry.suspend(alice, "x");
    }

    function test_suspend_revertsWhenUnbonding() public {
        _join(alice, SERVICE, 1 ether);
        _leave(alice);
        vm.prank(admin);
        _expectWrongStatus(alice, CollaboratorRegistry.Status.Unbonding);
        registry.suspend(alice, "x");
    }

    function test_suspend_revertsWhenExited() public {
        _join(alice, SERVICE, 1 ether);
        _exit(alice);
        vm.prank(admin);
        _expectWrongStatus(alice, CollaboratorRegistry.Status.Exited);
        registry.suspend(alice, "x");
    }

    function test_reinstate_restoresActiveAndEmits() public {
        _join(alice, SERVICE, 1 ether);
        _suspend(alice);
        vm.expectEmit(address(registry));
        emit CollaboratorRegistry.Reinstated(alice);
        vm.prank(admin);
        registry.reinstate(alice);
        _assertStatus(alice, CollaboratorRegistry.Status.Active);
        assertTrue(registry.isInGoodStanding(alice));
        _assertStats(1, 1, _k(1, 0, 0, 0), 1 ether, 0);

        // and may now leave normally
        _leave(alice);
        _assertStatus(alice, CollaboratorRegistry.Status.Unbonding);
    }

    function test_reinstate_revertsForNonGovernor() public {
        _join(alice, SERVICE, 1 ether);
        _suspend(alice);
        vm.prank(stranger);
        _expectUnauthorized(stranger, GOVERNOR_ROLE);
        registry.reinstate(alice);
    }

    function test_reinstate_revertsWhenNeverJoined() public {
        vm.prank(admin);
        _expectWrongStatus(alice, CollaboratorRegistry.Status.None);
        registry.reinstate(alice);
    }

    function test_reinstate_revertsWhenActive() public {
        _join(alice, SERVICE, 1 ether);
        vm.prank(admin);
        _expectWrongStatus(alice, CollaboratorRegistry.Status.Active);
        registry.reinstate(alice);
    }

    function test_reinstate_revertsWhenUnbonding() public {
        _join(alice, SERVICE, 1 ether);
        _leave(alice);
        vm.prank(admin);
        _expectWrongStatus(alice, CollaboratorRegistry.Status.Unbonding);
        registry.reinstate(alice);
    }

    function test_reinstate_revertsWhenExited() public {
        _join(alice, SERVICE, 1 ether);
        _exit(alice);
        vm.prank(admin);
        _expectWrongStatus(alice, CollaboratorRegistry.Status.Exited);
        registry.reinstate(alice);
    }

    // ───────────────────────────── parameters ─────────────────────────────

    function test_setMinBond_updatesValueAndEmits() public {
        vm.expectEmit(address(registry));
        emit CollaboratorRegistry.MinBondSet(2 ether);
        vm.prank(admin);
        registry.setMinBond(2 ether);
        assertEq(registry.minBond(), 2 ether);
        assertEq(uint256(vm.load(address(registry), STORAGE_LOCATION)), 2 ether);
    }

    function test_setMinBond_appliesToFutureJoinsAndGoodStanding() public {
        _join(alice, SERVICE, 1 ether);
        vm.prank(admin);
        registry.setMinBond(2 ether);
        assertFalse(registry.isInGoodStanding(alice), "existing member below new minimum");
        _assertStatus(alice, CollaboratorRegistry.Status.Active);

        vm.deal(bob, 2 ether);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.BondTooLow.selector, 1 ether, 2 ether));
        registry.join{value: 1 ether}(SERVICE, NAME, "", "", bytes32(0));

        vm.deal(alice, 1 ether);
        vm.prank(alice);
        registry.addBond{value: 1 ether}();
        assertTrue(registry.isInGoodStanding(alice));
    }

    function test_setMinBond_revertsForNonGovernor() public {
        vm.prank(stranger);
        _expectUnauthorized(stranger, GOVERNOR_ROLE);
        registry.setMinBond(1);
    }

    function test_setUnbondingPeriod_updatesValueAndEmits() public {
        vm.expectEmit(address(registry));
        emit CollaboratorRegistry.UnbondingPeriodSet(30 days);
        vm.prank(admin);
        registry.setUnbondingPeriod(30 days);
        assertEq(registry.unbondingPeriod(), 30 days);

        _join(alice, SERVICE, MIN_BOND);
        _leave(alice);
        assertEq(registry.get(alice).unbondingEndsAt, block.timestamp + 30 days);
    }

    function test_setUnbondingPeriod_acceptsMaximum() public {
        vm.prank(admin);
        registry.setUnbondingPeriod(365 days);
        assertEq(registry.unbondingPeriod(), 365 days);
    }

    function test_setUnbondingPeriod_revertsWhenTooLong() public {
        vm.prank(admin);
        vm.expectRevert(
            abi.encodeWithSelector(CollaboratorRegistry.UnbondingPeriodTooLong.selector, uint64(365 days + 1))
        );
        registry.setUnbondingPeriod(365 days + 1);
        assertEq(registry.unbondingPeriod(), UNBONDING_PERIOD);
    }

    function test_setUnbondingPeriod_revertsForNonGovernor() public {
        vm.prank(stranger);
        _expectUnauthorized(stranger, GOVERNOR_ROLE);
        registry.setUnbondingPeriod(1 days);
    }

    function test_governorRole_canBeDelegatedByAdmin() public {
        vm.prank(admin);
        registry.grantRole(GOVERNOR_ROLE, carol);
        vm.prank(carol);
        registry.setMinBond(5);
        assertEq(registry.minBond(), 5);
    }

    function test_grantRole_revertsForNonAdmin() public {
        vm.prank(stranger);
        _expectUnauthorized(stranger, DEFAULT_ADMIN_ROLE);
        registry.grantRole(SLASHER_ROLE, stranger);

        // A governor is not an admin either.
        vm.prank(admin);
        registry.grantRole(GOVERNOR_ROLE, carol);
        vm.prank(carol);
        _expectUnauthorized(carol, DEFAULT_ADMIN_ROLE);
        registry.grantRole(SLASHER_ROLE, carol);
    }

    // ───────────────────────────── reads ─────────────────────────────

    function test_get_returnsEmptyRecordForUnknownAccount() public view {
        CollaboratorRegistry.Collaborator memory c = registry.get(stranger);
        assertEq(c.account, address(0));
        assertEq(uint8(c.status), uint8(CollaboratorRegistry.Status.None));
        assertEq(c.kinds, 0);
        assertEq(c.bond, 0);
        assertEq(c.joinedAt, 0);
        assertEq(bytes(c.name).length, 0);
    }

    function test_getMany_returnsRecordsInRequestedOrderIncludingUnknown() public {
        _join(alice, SERVICE, 1 ether, "alice");
        _join(bob, RATING, 2 ether, "bob");
        address[] memory who = new address[](4);
        who[0] = bob;
        who[1] = stranger;
        who[2] = alice;
        who[3] = bob;
        CollaboratorRegistry.Collaborator[] memory out = registry.getMany(who);
        assertEq(out.length, 4);
        assertEq(out[0].account, bob);
        assertEq(out[0].name, "bob");
        assertEq(out[0].bond, 2 ether);
        assertEq(out[1].account, address(0));
        assertEq(uint8(out[1].status), uint8(CollaboratorRegistry.Status.None));
        assertEq(out[2].account, alice);
        assertEq(out[2].name, "alice");
        assertEq(out[3].account, bob);
    }

    function test_getMany_acceptsEmptyAndMaxSize() public view {
        assertEq(registry.getMany(new address[](0)).length, 0);
        assertEq(registry.getMany(new address[](500)).length, 500);
    }

    function test_getMany_revertsAboveMaxPageSize() public {
        address[] memory who = new address[](501);
        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.InvalidPageSize.selector, uint256(501)));
        registry.getMany(who);
    }

    function test_page_returnsJoinOrderSlices() public {
        address[5] memory who = [alice, bob, carol, dave, stranger];
        for (uint256 i; i < who.length; ++i) {
            _join(who[i], SERVICE, MIN_BOND + i);
        }
        CollaboratorRegistry.Collaborator[] memory p = registry.page(1, 2);
        assertEq(p.length, 2);
        assertEq(p[0].account, bob);
        assertEq(p[0].bond, MIN_BOND + 1);
        assertEq(p[1].account, carol);

        p = registry.page(3, 10);
        assertEq(p.length, 2, "last page is partial");
        assertEq(p[0].account, dave);
        assertEq(p[1].account, stranger);

        p = registry.page(0, 500);
        assertEq(p.length, 5);
        for (uint256 i; i < 5; ++i) {
            assertEq(p[i].account, who[i]);
        }

        p = registry.page(4, 1);
        assertEq(p.length, 1);
        assertEq(p[0].account, stranger);
    }

    function test_page_includesExitedRecords() public {
        _join(alice, SERVICE, MIN_BOND);
        _join(bob, SERVICE, MIN_BOND);
        _exit(alice);
        CollaboratorRegistry.Collaborator[] memory p = registry.page(0, 10);
        assertEq(p.length, 2);
        assertEq(uint8(p[0].status), uint8(CollaboratorRegistry.Status.Exited));
    }

    function test_page_returnsEmptyWhenOffsetAtOrPastEnd() public {
        assertEq(registry.page(0, 1).length, 0, "empty registry");
        _join(alice, SERVICE, MIN_BOND);
        assertEq(registry.page(1, 10).length, 0);
        assertEq(registry.page(type(uint256).max, 500).length, 0);
    }

    function test_page_revertsOnZeroLimit() public {
        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.InvalidPageSize.selector, uint256(0)));
        registry.page(0, 0);
    }

    function test_page_revertsAboveMaxPageSize() public {
        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.InvalidPageSize.selector, uint256(501)));
        registry.page(0, 501);
        vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.InvalidPageSize.selector, type(uint256).max));
        registry.page(0, type(uint256).max);
    }

    function test_isInGoodStanding_acrossLifecycle() public {
        assertFalse(registry.isInGoodStanding(alice), "None");
        _join(alice, SERVICE, MIN_BOND);
        assertTrue(registry.isInGoodStanding(alice), "Active at min bond");
        _suspend(alice);
        assertFalse(registry.isInGoodStanding(alice), "Suspended");
        vm.prank(admin);
        registry.reinstate(alice);
        assertTrue(registry.isInGoodStanding(alice), "Reinstated");
        _leave(alice);
        assertFalse(registry.isInGoodStanding(alice), "Unbonding");
        vm.warp(block.timestamp + UNBONDING_PERIOD);
        _withdraw(alice);
        assertFalse(registry.isInGoodStanding(alice), "Exited");
    }

    function test_hasKinds_requiresActiveAndEveryBit() public {
        _join(alice, SERVICE | ORACLE, MIN_BOND);
        assertTrue(registry.hasKinds(alice, SERVICE));
        assertTrue(registry.hasKinds(alice, ORACLE));
        assertTrue(registry.hasKinds(alice, SERVICE | ORACLE));
        assertFalse(registry.hasKinds(alice, RATING));
        assertFalse(registry.hasKinds(alice, SERVICE | RATING), "superset");
        assertFalse(registry.hasKinds(alice, 15));
        assertTrue(registry.hasKinds(alice, 0), "empty requirement holds for any Active member");
        assertFalse(registry.hasKinds(bob, 0), "never joined");

        _suspend(alice);
        assertFalse(registry.hasKinds(alice, SERVICE), "Suspended");
        vm.prank(admin);
        registry.reinstate(alice);
        assertTrue(registry.hasKinds(alice, SERVICE));
        _leave(alice);
        assertFalse(registry.hasKinds(alice, SERVICE), "Unbonding");
    }

    function test_hasKinds_reflectsUpdatedKinds() public {
        _join(alice, SERVICE, MIN_BOND);
        vm.prank(alice);
        registry.update(AGENT, NAME, "", "", bytes32(0));
        assertFalse(registry.hasKinds(alice, SERVICE));
        assertTrue(registry.hasKinds(alice, AGENT));
    }

    function test_creditOfAndTotalCredits_trackUnclaimedCredits() public {
        assertEq(registry.creditOf(treasury), 0);
        _join(alice, SERVICE, 1 ether);
        _slash(alice, 0.1 ether, treasury);
        _slash(alice, 0.2 ether, carol);
        assertEq(registry.creditOf(treasury), 0.1 ether);
        assertEq(registry.creditOf(carol), 0.2 ether);
        assertEq(registry.totalCredits(), 0.3 ether);
        vm.prank(carol);
        registry.claim();
        assertEq(registry.totalCredits(), 0.1 ether);
    }

    // ───────────────────────────── stats bookkeeping ─────────────────────────────

    function test_stats_bookkeepingAcrossFullLifecycle() public {
        // join
        _join(alice, SERVICE | RATING, 1 ether);
        _join(bob, RATING | ORACLE, 2 ether);
        _join(carol, AGENT, 3 ether);
        _assertStats(3, 3, _k(1, 2, 1, 1), 6 ether, 0);

        // update with kinds change
        vm.prank(carol);
        registry.update(AGENT | SERVICE, NAME, "", "", bytes32(0));
        _assertStats(3, 3, _k(2, 2, 1, 1), 6 ether, 0);

        // addBond
        vm.deal(bob, 1 ether);
        vm.prank(bob);
        registry.addBond{value: 1 ether}();
        _assertStats(3, 3, _k(2, 2, 1, 1), 7 ether, 0);

        // suspend
        _suspend(carol);
        _assertStats(3, 2, _k(2, 2, 1, 1), 7 ether, 0);

        // slash suspended
        _slash(carol, 0.5 ether, treasury);
        _assertStats(3, 2, _k(2, 2, 1, 1), 6.5 ether, 0);

        // leave
        _leave(alice);
        _assertStats(3, 1, _k(2, 2, 1, 1), 5.5 ether, 1 ether);

        // slash unbonding
        _slash(alice, 0.25 ether, treasury);
        _assertStats(3, 1, _k(2, 2, 1, 1), 5.5 ether, 0.75 ether);

        // reinstate
        vm.prank(admin);
        registry.reinstate(carol);
        _assertStats(3, 2, _k(2, 2, 1, 1), 5.5 ether, 0.75 ether);

        // withdraw
        vm.warp(block.timestamp + UNBONDING_PERIOD);
        _withdraw(alice);
        _assertStats(2, 2, _k(1, 1, 1, 1), 5.5 ether, 0);

        // rejoin
        _join(alice, ORACLE, 0.5 ether);
        _assertStats(3, 3, _k(1, 1, 2, 1), 6 ether, 0);
        assertEq(registry.count(), 3);

        // slash active, claim credits
        _slash(bob, 3 ether, treasury);
        _assertStats(3, 3, _k(1, 1, 2, 1), 3 ether, 0);
        assertEq(registry.totalCredits(), 3.75 ether);
        vm.prank(treasury);
        registry.claim();
        assertEq(registry.totalCredits(), 0);
        assertEq(address(registry).balance, 3 ether);

        // everyone leaves and withdraws: all stats back to zero, no ETH left
        _leave(alice);
        _leave(bob);
        _leave(carol);
        _assertStats(3, 0, _k(1, 1, 2, 1), 0, 3 ether);
        vm.warp(block.timestamp + UNBONDING_PERIOD);
        _withdraw(alice);
        _withdraw(bob);
        _withdraw(carol);
        _assertStats(0, 0, _k(0, 0, 0, 0), 0, 0);
        assertEq(address(registry).balance, 0);
        assertEq(registry.count(), 3);
    }

    // ───────────────────────────── fuzz ─────────────────────────────

    function testFuzz_join_kinds(uint8 kinds) public {
        vm.deal(alice, MIN_BOND);
        vm.prank(alice);
        if (kinds == 0 || kinds > 15) {
            vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.InvalidKinds.selector, kinds));
            registry.join{value: MIN_BOND}(kinds, NAME, PROFILE_URI, SOURCE_URI, SOURCE_HASH);
            _assertStatus(alice, CollaboratorRegistry.Status.None);
            assertEq(registry.count(), 0);
        } else {
            registry.join{value: MIN_BOND}(kinds, NAME, PROFILE_URI, SOURCE_URI, SOURCE_HASH);
            assertEq(registry.get(alice).kinds, kinds);
            CollaboratorRegistry.Stats memory s = registry.stats();
            for (uint256 bit; bit < 4; ++bit) {
                assertEq(s.byKind[bit], (kinds >> bit) & 1);
            }
            assertTrue(registry.hasKinds(alice, kinds));
        }
    }

    function testFuzz_join_nameLength(uint256 length) public {
        length = bound(length, 0, 200);
        string memory name = _repeat("a", length);
        vm.deal(alice, MIN_BOND);
        vm.prank(alice);
        if (length == 0 || length > 64) {
            vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.InvalidName.selector));
            registry.join{value: MIN_BOND}(SERVICE, name, PROFILE_URI, SOURCE_URI, SOURCE_HASH);
        } else {
            registry.join{value: MIN_BOND}(SERVICE, name, PROFILE_URI, SOURCE_URI, SOURCE_HASH);
            assertEq(registry.get(alice).name, name);
        }
    }

    function testFuzz_join_uriLengths(uint256 profileLength, uint256 sourceLength) public {
        profileLength = bound(profileLength, 0, 600);
        sourceLength = bound(sourceLength, 0, 600);
        string memory profileURI = _repeat("p", profileLength);
        string memory sourceURI = _repeat("s", sourceLength);
        vm.deal(alice, MIN_BOND);
        vm.prank(alice);
        if (profileLength > 256 || sourceLength > 256) {
            vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.URITooLong.selector));
            registry.join{value: MIN_BOND}(SERVICE, NAME, profileURI, sourceURI, SOURCE_HASH);
        } else {
            registry.join{value: MIN_BOND}(SERVICE, NAME, profileURI, sourceURI, SOURCE_HASH);
            CollaboratorRegistry.Collaborator memory c = registry.get(alice);
            assertEq(c.profileURI, profileURI);
            assertEq(c.sourceURI, sourceURI);
        }
    }

    function testFuzz_join_bondVersusMinBond(uint256 minBond_, uint256 bond) public {
        minBond_ = bound(minBond_, 0, 1_000_000 ether);
        bond = bound(bond, 0, 1_000_000 ether);
        vm.prank(admin);
        registry.setMinBond(minBond_);
        vm.deal(alice, bond);
        vm.prank(alice);
        if (bond < minBond_) {
            vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.BondTooLow.selector, bond, minBond_));
            registry.join{value: bond}(SERVICE, NAME, PROFILE_URI, SOURCE_URI, SOURCE_HASH);
            assertEq(alice.balance, bond);
            assertEq(address(registry).balance, 0);
        } else {
            registry.join{value: bond}(SERVICE, NAME, PROFILE_URI, SOURCE_URI, SOURCE_HASH);
            assertEq(registry.get(alice).bond, bond);
            assertEq(registry.stats().totalBonded, bond);
            assertEq(address(registry).balance, bond);
            assertTrue(registry.isInGoodStanding(alice));
        }
    }

    function testFuzz_slash_amount(uint256 bond, uint256 amount, uint8 stage) public {
        bond = bound(bond, MIN_BOND, 1_000 ether);
        amount = bound(amount, 0, bond * 2);
        stage = uint8(bound(stage, 0, 2)); // 0 Active, 1 Suspended, 2 Unbonding
        _join(alice, SERVICE, bond);
        if (stage == 1) _suspend(alice);
        if (stage == 2) _leave(alice);

        vm.prank(court);
        if (amount == 0) {
            vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.ZeroAmount.selector));
            registry.slash(alice, amount, treasury);
            assertEq(registry.get(alice).bond, bond);
            return;
        }
        if (amount > bond) {
            vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.SlashExceedsBond.selector, amount, bond));
            registry.slash(alice, amount, treasury);
            assertEq(registry.get(alice).bond, bond);
            return;
        }
        registry.slash(alice, amount, treasury);
        CollaboratorRegistry.Stats memory s = registry.stats();
        assertEq(registry.get(alice).bond, bond - amount);
        assertEq(registry.creditOf(treasury), amount);
        assertEq(registry.totalCredits(), amount);
        if (stage == 2) {
            assertEq(s.totalBonded, 0);
            assertEq(s.totalUnbonding, bond - amount);
        } else {
            assertEq(s.totalBonded, bond - amount);
            assertEq(s.totalUnbonding, 0);
        }
        assertEq(address(registry).balance, s.totalBonded + s.totalUnbonding + registry.totalCredits());
        assertEq(registry.isInGoodStanding(alice), stage == 0 && bond - amount >= MIN_BOND);
    }

    function testFuzz_page_offsetAndLimit(uint256 members, uint256 offset, uint256 limit) public {
        members = bound(members, 0, 12);
        offset = bound(offset, 0, 20);
        limit = bound(limit, 0, 600);
        vm.prank(admin);
        registry.setMinBond(0);
        address[] memory who = new address[](members);
        for (uint256 i; i < members; ++i) {
            who[i] = address(uint160(0x1000 + i));
            vm.prank(who[i]);
            registry.join(SERVICE, "m", "", "", bytes32(0));
        }

        if (limit == 0 || limit > 500) {
            vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.InvalidPageSize.selector, limit));
            registry.page(offset, limit);
            return;
        }
        CollaboratorRegistry.Collaborator[] memory p = registry.page(offset, limit);
        uint256 expected = offset >= members ? 0 : (members - offset < limit ? members - offset : limit);
        assertEq(p.length, expected);
        for (uint256 i; i < p.length; ++i) {
            assertEq(p[i].account, who[offset + i]);
        }
    }

    function testFuzz_withdraw_onlyFromUnbondingEnd(uint64 period, uint256 delay) public {
        period = uint64(bound(period, 0, 365 days));
        delay = bound(delay, 0, 2 * uint256(period) + 1);
        vm.prank(admin);
        registry.setUnbondingPeriod(period);
        _join(alice, SERVICE, MIN_BOND);
        _leave(alice);
        uint64 endsAt = registry.get(alice).unbondingEndsAt;
        assertEq(endsAt, block.timestamp + period);
        vm.warp(block.timestamp + delay);
        vm.prank(alice);
        if (delay < period) {
            vm.expectRevert(abi.encodeWithSelector(CollaboratorRegistry.StillUnbonding.selector, endsAt));
            registry.withdraw();
        } else {
            registry.withdraw();
            assertEq(alice.balance, MIN_BOND);
        }
    }
}
