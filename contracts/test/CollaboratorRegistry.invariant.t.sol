// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Test} from "forge-std/Test.sol";
import {StdInvariant} from "forge-std/StdInvariant.sol";
import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {CollaboratorRegistry} from "../src/CollaboratorRegistry.sol";

/// Drives the registry with a handful of actors. The handler holds SLASHER_ROLE and GOVERNOR_ROLE
/// and keeps ghost accounting of every wei that goes in and out.
contract CollaboratorRegistryHandler is Test {
    CollaboratorRegistry public immutable registry;

    uint256 internal constant ACTORS = 5;
    uint256 internal constant MAX_BOND = 100 ether;

    // Status bit masks for _find.
    uint256 internal constant NONE = 1 << uint8(CollaboratorRegistry.Status.None);
    uint256 internal constant ACTIVE = 1 << uint8(CollaboratorRegistry.Status.Active);
    uint256 internal constant SUSPENDED = 1 << uint8(CollaboratorRegistry.Status.Suspended);
    uint256 internal constant UNBONDING = 1 << uint8(CollaboratorRegistry.Status.Unbonding);
    uint256 internal constant EXITED = 1 << uint8(CollaboratorRegistry.Status.Exited);

    address[] internal actors;
    /// Credit recipients: every actor plus an outside treasury.
    address[] internal recipients;

    /// Block time carried from call to call.
    uint256 public currentTime;

    // ── ghost accounting ──
    uint256 public ghost_deposited; // join + addBond
    uint256 public ghost_withdrawn; // paid by withdraw
    uint256 public ghost_claimed; // paid by claim
    uint256 public ghost_slashed; // moved from bonds to credits
    uint256 public ghost_forced; // ETH force-sent around receive logic
    /// Times an actor received something other than exactly its bond / credit.
    uint256 public ghost_payoutMismatches;
    /// Accounts that ever joined (the registry's list must have exactly these).
    uint256 public ghost_distinctJoiners;
    mapping(address => bool) public ghost_hasJoined;

    mapping(bytes32 => uint256) public calls;

    constructor(CollaboratorRegistry registry_) {
        registry = registry_;
        for (uint256 i; i < ACTORS; ++i) {
            address a = makeAddr(string.concat("actor", vm.toString(i)));
            actors.push(a);
            recipients.push(a);
        }
        recipients.push(makeAddr("treasury"));
        currentTime = block.timestamp;
    }

    modifier useTime() {
        vm.warp(currentTime);
        _;
    }

    // ───────────────────────────── reads for the invariants ─────────────────────────────

    function actorCount() external pure returns (uint256) {
        return ACTORS;
    }

    function actorAt(uint256 i) external view returns (address) {
        return actors[i];
    }

    function recipientCount() external view returns (uint256) {
        return recipients.length;
    }

    function recipientAt(uint256 i) external view returns (address) {
        return recipients[i];
    }

    // ───────────────────────────── actions ─────────────────────────────

    function join(uint256 actorSeed, uint8 kinds, uint256 bond, uint256 nameLength) external useTime {
        (address a, bool found) = _find(actorSeed, NONE | EXITED);
        if (!found) return;
        kinds = uint8(bound(kinds, 1, 15));
        bond = bound(bond, registry.minBond(), MAX_BOND);
        nameLength = bound(nameLength, 1, 64);

        vm.deal(a, a.balance + bond);
        vm.prank(a);
        registry.join{value: bond}(
            kinds, _name(nameLength), "https://example.org/p", "ipfs://src", keccak256(abi.encode(a))
        );

        ghost_deposited += bond;
        if (!ghost_hasJoined[a]) {
            ghost_hasJoined[a] = true;
            ghost_distinctJoiners += 1;
        }
        calls["join"]++;
    }

    function addBond(uint256 actorSeed, uint256 amount) external useTime {
        (address a, bool found) = _find(actorSeed, ACTIVE | SUSPENDED);
        if (!found) return;
        amount = bound(amount, 1, MAX_BOND);
        vm.deal(a, a.balance + amount);
        vm.prank(a);
        registry.addBond{value: amount}();
        ghost_deposited += amount;
        calls["addBond"]++;
    }

    function update(uint256 actorSeed, uint8 kinds, uint256 nameLength) external useTime {
        (address a, bool found) = _find(actorSeed, ACTIVE | SUSPENDED);
        if (!found) return;
        kinds = uint8(bound(kinds, 1, 15));
        nameLength = bound(nameLength, 1, 64);
        vm.prank(a);
        registry.update(kinds, _name(nameLength), "ipfs://p2", "", bytes32(uint256(kinds)));
        calls["update"]++;
    }

    function leave(uint256 actorSeed) external useTime {
        (address a, bool found) = _find(actorSeed, ACTIVE);
        if (!found) return;
        vm.prank(a);
        registry.leave();
        calls["leave"]++;
    }

    function withdraw(uint256 actorSeed, bool waitForEnd) external useTime {
        (address a, bool found) = _find(actorSeed, UNBONDING);
        if (!found) return;
        CollaboratorRegistry.Collaborator memory c = registry.get(a);
        if (block.timestamp < c.unbondingEndsAt) {
            if (!waitForEnd) {
                // Too early: must revert with StillUnbonding and pay nothing.
                uint256 balanceBefore = a.balance;
                vm.prank(a);
                try registry.withdraw() {
                    ghost_payoutMismatches++;
                } catch (bytes memory err) {
                    bytes memory expected =
                        abi.encodeWithSelector(CollaboratorRegistry.StillUnbonding.selector, c.unbondingEndsAt);
                    if (keccak256(err) != keccak256(expected)) ghost_payoutMismatches++;
                }
                if (a.balance != balanceBefore) ghost_payoutMismatches++;
                calls["withdrawEarly"]++;
                return;
            }
            _setTime(c.unbondingEndsAt);
        }
        uint256 before = a.balance;
        vm.prank(a);
        registry.withdraw();
        uint256 paid = a.balance - before;
        if (paid != c.bond) ghost_payoutMismatches++;
        ghost_withdrawn += paid;
        calls["withdraw"]++;

        // A second withdraw must never pay again.
        vm.prank(a);
        try registry.withdraw() {
            ghost_payoutMismatches++;
        } catch {}
    }

    function claim(uint256 recipientSeed) external useTime {
        address r;
        uint256 credit;
        for (uint256 i; i < recipients.length && credit == 0; ++i) {
            r = recipients[(recipientSeed % recipients.length + i) % recipients.length];
            credit = registry.creditOf(r);
        }
        if (credit == 0) return;
        uint256 before = r.balance;
        vm.prank(r);
        registry.claim();
        uint256 paid = r.balance - before;
        if (paid != credit) ghost_payoutMismatches++;
        ghost_claimed += paid;
        calls["claim"]++;

        vm.prank(r);
        try registry.claim() {
            ghost_payoutMismatches++;
        } catch {}
    }

    function slash(uint256 actorSeed, uint256 amount, uint256 recipientSeed) external useTime {
        (address a, bool found) = _find(actorSeed, ACTIVE | SUSPENDED | UNBONDING);
        if (!found) return;
        CollaboratorRegistry.Collaborator memory c = registry.get(a);
        if (c.bond == 0) return;
        amount = bound(amount, 1, c.bond);
        address to = recipients[recipientSeed % recipients.length];
        registry.slash(a, amount, to);
        ghost_slashed += amount;
        calls["slash"]++;
    }

    function suspend(uint256 actorSeed) external useTime {
        (address a, bool found) = _find(actorSeed, ACTIVE);
        if (!found) return;
        registry.suspend(a, "invariant");
        calls["suspend"]++;
    }

    function reinstate(uint256 actorSeed) external useTime {
        (address a, bool found) = _find(actorSeed, SUSPENDED);
        if (!found) return;
        registry.reinstate(a);
        calls["reinstate"]++;
    }

    function setParameters(uint256 minBond_, uint64 period) external useTime {
        minBond_ = bound(minBond_, 0, 1 ether);
        period = uint64(bound(period, 0, 30 days));
        registry.setMinBond(minBond_);
        registry.setUnbondingPeriod(period);
        calls["setParameters"]++;
    }

    function warp(uint256 secondsForward) external useTime {
        secondsForward = bound(secondsForward, 0, 10 days);
        _setTime(block.timestamp + secondsForward);
        calls["warp"]++;
    }

    /// ETH arriving without a call (SELFDESTRUCT, block reward): the registry has no receive, so
    /// it is simulated with vm.deal. The registry must not count it as anybody's.
    function forceSend(uint256 amount) external useTime {
        amount = bound(amount, 1, 1 ether);
        vm.deal(address(registry), address(registry).balance + amount);
        ghost_forced += amount;
        calls["forceSend"]++;
    }

    // ───────────────────────────── end of run ─────────────────────────────

    /// Reinstates, unbonds, withdraws and claims everything, checking each payout.
    function drainAll() external {
        vm.warp(currentTime);
        for (uint256 i; i < ACTORS; ++i) {
            address a = actors[i];
            CollaboratorRegistry.Status s = registry.get(a).status;
            if (s == CollaboratorRegistry.Status.Suspended) {
                registry.reinstate(a);
                s = CollaboratorRegistry.Status.Active;
            }
            if (s == CollaboratorRegistry.Status.Active) {
                vm.prank(a);
                registry.leave();
            }
        }
        _setTime(currentTime + registry.MAX_UNBONDING_PERIOD());
        for (uint256 i; i < ACTORS; ++i) {
            address a = actors[i];
            CollaboratorRegistry.Collaborator memory c = registry.get(a);
            if (c.status != CollaboratorRegistry.Status.Unbonding) continue;
            uint256 before = a.balance;
            vm.prank(a);
            registry.withdraw();
            if (a.balance - before != c.bond) ghost_payoutMismatches++;
            ghost_withdrawn += a.balance - before;
        }
        for (uint256 i; i < recipients.length; ++i) {
            address r = recipients[i];
            uint256 credit = registry.creditOf(r);
            if (credit == 0) continue;
            uint256 before = r.balance;
            vm.prank(r);
            registry.claim();
            if (r.balance - before != credit) ghost_payoutMismatches++;
            ghost_claimed += r.balance - before;
        }
    }

    // ───────────────────────────── internals ─────────────────────────────

    /// The first actor from `seed` on (round robin) whose status is in `statusMask`.
    function _find(uint256 seed, uint256 statusMask) internal view returns (address a, bool found) {
        for (uint256 i; i < ACTORS; ++i) {
            a = actors[(seed % ACTORS + i) % ACTORS];
            if (statusMask & (1 << uint8(registry.get(a).status)) != 0) return (a, true);
        }
    }

    function _setTime(uint256 t) internal {
        currentTime = t;
        vm.warp(t);
    }

    function _name(uint256 length) internal pure returns (string memory) {
        bytes memory out = new bytes(length);
        for (uint256 i; i < length; ++i) {
            out[i] = bytes1(uint8(0x61 + (i % 26)));
        }
        return string(out);
    }
}

contract CollaboratorRegistryInvariantTest is StdInvariant, Test {
    CollaboratorRegistry internal registry;
    CollaboratorRegistryHandler internal handler;
    address internal admin = makeAddr("admin");

    function setUp() public {
        vm.warp(1_700_000_000);
        CollaboratorRegistry impl = new CollaboratorRegistry();
        registry = CollaboratorRegistry(
            address(
                new ERC1967Proxy(
                    address(impl), abi.encodeCall(CollaboratorRegistry.initialize, (admin, 0.01 ether, 7 days))
                )
            )
        );
        handler = new CollaboratorRegistryHandler(registry);
        vm.startPrank(admin);
        registry.grantRole(registry.SLASHER_ROLE(), address(handler));
        registry.grantRole(registry.GOVERNOR_ROLE(), address(handler));
        vm.stopPrank();

        bytes4[] memory selectors = new bytes4[](12);
        selectors[0] = CollaboratorRegistryHandler.join.selector;
        selectors[1] = CollaboratorRegistryHandler.addBond.selector;
        selectors[2] = CollaboratorRegistryHandler.update.selector;
        selectors[3] = CollaboratorRegistryHandler.leave.selector;
        selectors[4] = CollaboratorRegistryHandler.withdraw.selector;
        selectors[5] = CollaboratorRegistryHandler.claim.selector;
        selectors[6] = CollaboratorRegistryHandler.slash.selector;
        selectors[7] = CollaboratorRegistryHandler.suspend.selector;
        selectors[8] = CollaboratorRegistryHandler.reinstate.selector;
        selectors[9] = CollaboratorRegistryHandler.setParameters.selector;
        selectors[10] = CollaboratorRegistryHandler.warp.selector;
        selectors[11] = CollaboratorRegistryHandler.forceSend.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
        targetContract(address(handler));
    }

    function _held() internal view returns (uint256) {
        CollaboratorRegistry.Stats memory s = registry.stats();
        return s.totalBonded + s.totalUnbonding + registry.totalCredits();
    }

    /// The contract always holds at least what it owes (bonds, unbonding bonds, credits).
    function invariant_balanceCoversBondsUnbondingAndCredits() public view {
        assertGe(address(registry).balance, _held());
    }

    /// Ghost ETH in/out matches exactly: nothing paid twice, nothing created or lost.
    function invariant_ghostEthAccountingIsExact() public view {
        assertEq(
            handler.ghost_deposited() - handler.ghost_withdrawn() - handler.ghost_claimed(),
            _held(),
            "deposited - withdrawn - claimed == held"
        );
        assertEq(address(registry).balance, _held() + handler.ghost_forced(), "balance == held + forced");
        assertEq(handler.ghost_claimed() + registry.totalCredits(), handler.ghost_slashed(), "credits conserve slashes");
        assertEq(handler.ghost_payoutMismatches(), 0, "every payout was exactly the bond or credit, once");
    }

    /// totalBonded / totalUnbonding / active / byKind equal what the records say.
    function invariant_statsMatchRecords() public view {
        CollaboratorRegistry.Collaborator[] memory all = registry.page(0, registry.MAX_PAGE_SIZE());
        assertEq(all.length, registry.count());
        uint256 bonded;
        uint256 unbonding;
        uint256 active;
        uint256[4] memory byKind;
        for (uint256 i; i < all.length; ++i) {
            CollaboratorRegistry.Collaborator memory c = all[i];
            if (c.status == CollaboratorRegistry.Status.Active || c.status == CollaboratorRegistry.Status.Suspended) {
                bonded += c.bond;
            } else if (c.status == CollaboratorRegistry.Status.Unbonding) {
                unbonding += c.bond;
            } else {
                assertEq(uint8(c.status), uint8(CollaboratorRegistry.Status.Exited), "listed records never None");
                assertEq(c.bond, 0, "exited records hold no bond");
            }
            if (c.status == CollaboratorRegistry.Status.Active) active++;
            if (c.status != CollaboratorRegistry.Status.Exited) {
                for (uint256 bit; bit < 4; ++bit) {
                    if (c.kinds & (1 << bit) != 0) byKind[bit]++;
                }
            }
        }
        CollaboratorRegistry.Stats memory s = registry.stats();
        assertEq(s.totalBonded, bonded, "totalBonded");
        assertEq(s.totalUnbonding, unbonding, "totalUnbonding");
        assertEq(s.active, active, "active");
        for (uint256 bit; bit < 4; ++bit) {
            assertEq(s.byKind[bit], byKind[bit], "byKind");
        }
    }

    /// members equals the number of records that are not Exited.
    function invariant_membersEqualsNonExitedRecords() public view {
        CollaboratorRegistry.Collaborator[] memory all = registry.page(0, registry.MAX_PAGE_SIZE());
        uint256 nonExited;
        for (uint256 i; i < all.length; ++i) {
            if (all[i].status != CollaboratorRegistry.Status.Exited) nonExited++;
        }
        assertEq(registry.stats().members, nonExited);
    }

    /// Every account appears once; rejoining never grows the list.
    function invariant_countEqualsDistinctJoiners() public view {
        assertEq(registry.count(), handler.ghost_distinctJoiners());
        CollaboratorRegistry.Collaborator[] memory all = registry.page(0, registry.MAX_PAGE_SIZE());
        for (uint256 i; i < all.length; ++i) {
            for (uint256 j = i + 1; j < all.length; ++j) {
                assertTrue(all[i].account != all[j].account, "duplicate account");
            }
        }
    }

    /// Σ creditOf over every possible recipient equals totalCredits.
    function invariant_creditsSumToTotalCredits() public view {
        uint256 sum;
        for (uint256 i; i < handler.recipientCount(); ++i) {
            sum += registry.creditOf(handler.recipientAt(i));
        }
        assertEq(sum, registry.totalCredits());
    }

    /// After every run everybody can get out: all bonds and credits are paid exactly once and only
    /// force-sent ETH stays behind.
    function afterInvariant() external {
        handler.drainAll();
        CollaboratorRegistry.Stats memory s = registry.stats();
        assertEq(s.members, 0, "members");
        assertEq(s.active, 0, "active");
        assertEq(s.totalBonded, 0, "totalBonded");
        assertEq(s.totalUnbonding, 0, "totalUnbonding");
        for (uint256 bit; bit < 4; ++bit) {
            assertEq(s.byKind[bit], 0, "byKind");
        }
        assertEq(registry.totalCredits(), 0, "totalCredits");
        assertEq(address(registry).balance, handler.ghost_forced(), "only forced ETH left");
        assertEq(handler.ghost_deposited(), handler.ghost_withdrawn() + handler.ghost_claimed(), "in == out");
        assertEq(handler.ghost_payoutMismatches(), 0, "payout mismatches");
    }
}
